"""Synthetic issues for the benchmarks, recombined from the sample (or demo) issues' own text.

Each synthetic issue has a masthead and four to seven articles whose headlines and paragraphs
are drawn from the source issues with their layout noise intact (wrap spaces, half-width
punctuation, captions). Town and person names are swapped for names from larger pools, so a
name search has the selectivity it would have in an archive of many towns, not of five files.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT.parent / "shared" / "samples"
DEMOS = ROOT / "articles" / "demo_issues"

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严"
GIVEN = "明华建国志红伟芳军平丽强敏静磊洋勇艳杰涛超秀英霞刚波辉斌鹏飞宇浩然晓清卫峰炜春雨亚新凤鸣佳琪远海云松梅兰竹菊"
TOWN_STEMS = ["青枫", "梅园", "枫泾", "朱桥", "华漕", "江川", "七宝", "泗泾", "新桥", "九亭", "佘山", "车墩", "叶榭", "石湖",
              "亭林", "张堰", "廊下", "吕巷", "枫林", "金汇", "庄行", "柘林", "海湾", "南桥", "奉城", "四团", "青村", "练塘",
              "金泽", "重固", "白鹤", "华新", "赵巷", "徐泾", "香花", "盈浦", "夏阳", "马桥", "浦锦", "颛桥", "梅陇", "莘庄"]
TOWN_RE = re.compile(r"新泾|虹桥|青枫|梅园路|梅园")
NEIGHBOURHOOD_RE = re.compile(r"[\u4e00-\u9fff]{2}(?=居民区|居委会|小区)")


@dataclass
class Source:
    stories: list[tuple[list[str], list[str]]]  # (headline stack, body blocks as printed) per article
    paragraphs: list[str]  # every body block, as printed
    captions: list[str]
    names: list[str]  # the people the source issues name


def load_source() -> Source:
    files = sorted(SAMPLES.glob("*.txt")) if SAMPLES.exists() else []
    files += sorted(DEMOS.glob("*.txt"))
    from articles.importer import parse_issue
    from articles.textintel.people import read_mentions

    stories, paragraphs, captions, names = [], [], [], set()
    for path in files:
        parsed = parse_issue(path.read_bytes(), source=path.name)
        for article in parsed.articles:
            stack = [line for line in (article.column, article.title, article.subtitle) if line]
            blocks = [b.strip() for b in re.split(r"\n\s*\n", article.source_text)
                      if len(b.strip()) >= 30 and not b.lstrip().startswith("#")]
            if blocks:
                stories.append((stack, blocks))
                paragraphs.extend(blocks)
            captions.extend(article.captions)
            names.update(m.name for m in read_mentions("\n".join(b.text for b in article.blocks)))
    return Source(stories, paragraphs, captions, sorted(names, key=len, reverse=True))


class IssueWriter:
    def __init__(self, source: Source, seed: int = 20261122, towns: int = 40, people: int = 3000):
        self.source = source
        self.rng = random.Random(seed)
        self.towns = [TOWN_STEMS[i % len(TOWN_STEMS)] + ("" if i < len(TOWN_STEMS) else str(i)) for i in range(towns)]
        self.people = list({self.rng.choice(SURNAMES) + "".join(self.rng.choice(GIVEN) for _ in range(self.rng.choice((1, 2))))
                            for _ in range(people * 2)})[:people]

        self._names_re = re.compile("|".join(map(re.escape, source.names))) if source.names else None
        self._cast: dict[str, str] = {}

    def new_cast(self) -> None:
        """Who the source's people are in the next issue: each replaced by someone from the pool."""
        self._cast = {name: self.rng.choice(self.people) for name in self.source.names}

    def _swap_names(self, text: str, town: str) -> str:
        """The source's town, neighbourhoods and people replaced, so each issue names its own."""
        text = TOWN_RE.sub(town, text)
        text = NEIGHBOURHOOD_RE.sub(lambda m: self.rng.choice(GIVEN) + self.rng.choice(GIVEN), text)
        if self._names_re is not None:
            text = self._names_re.sub(lambda m: self._cast.get(m.group(0)) or self.rng.choice(self.people), text)
        return text

    def issue(self, number: int) -> tuple[str, str]:
        """(file name, text) of synthetic issue `number`."""
        rng = self.rng
        self.new_cast()
        town = rng.choice(self.towns)
        year, month, day = 2015 + number % 10, 1 + number % 12, 1 + number % 28
        lines = [f"{year}年 {month} 月 {day} 日", f"本期 8 版 总第 {number} 期", f"■ {town}镇党委、政府 联合出版 ■"]
        for _ in range(rng.randint(4, 7)):
            # One story's own paragraphs (a story stays on its topic), and now and then another's.
            stack, blocks = rng.choice(self.source.stories)
            lines.append("\n\n".join(["## " + self._swap_names(stack[0], town)]
                                     + ["### " + self._swap_names(s, town) for s in stack[1:2]]))
            chosen = rng.sample(blocks, k=max(1, min(len(blocks), rng.randint(2, 6))))
            if rng.random() < 0.3:
                chosen.append(rng.choice(self.source.paragraphs))
            for k, paragraph in enumerate(chosen):
                paragraph = self._swap_names(paragraph, town)
                if k == 0:
                    paragraph = f"{month}月{day}日，{town}镇" + paragraph
                lines.append(paragraph)
                if self.source.captions and rng.random() < 0.15:
                    lines.append("\n\n" + rng.choice(self.source.captions))
        return f"bench-{number:06d}.txt", "\n\n".join(lines) + "\n"


def write_issues(folder: Path, count: int, seed: int = 20261122) -> int:
    """Write `count` issues into `folder`; returns the total size in bytes."""
    import django  # noqa: F401  (the caller has set Django up)

    folder.mkdir(parents=True, exist_ok=True)
    writer = IssueWriter(load_source(), seed)
    total = 0
    for number in range(1, count + 1):
        name, text = writer.issue(number)
        data = text.encode("utf-8")
        (folder / name).write_bytes(data)
        total += len(data)
    return total
