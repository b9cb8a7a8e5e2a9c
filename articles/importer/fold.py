"""Characters some PDF extractors return in place of the ideograph the paper printed.

Fonts such as Noto CJK draw a Kangxi radical (U+2F00–U+2FDF) and its ideograph with one glyph,
and so do the CJK radicals supplement (U+2E80–U+2EFF) and its simplified forms: an extractor
that maps glyphs back to characters may return ⽇ for 日 or ⻓ for 长. NFKC folds the Kangxi
block; the supplement needs the table below, from the Unicode Character Database's
Equivalent_Unified_Ideograph property. Compatibility ideographs (U+F900–U+FAFF) NFKC folds too.
"""

from __future__ import annotations

import re
import unicodedata

# U+2E81–U+2EF3, each radical followed by its equivalent unified ideograph (UCD 14).
_SUPPLEMENT_PAIRS = (
    "⺁厂 ⺂乛 ⺃乚 ⺄乙 ⺅亻 ⺆冂 ⺇𠘨 ⺈刀 ⺉刂 ⺊卜 ⺋㔾 ⺌小 ⺍小 ⺎兀 ⺏尣 ⺐尢 ⺑𡯂 ⺒巳 ⺓幺 ⺔彑 ⺕彐 ⺖忄 "
    "⺗心 ⺘扌 ⺙攵 ⺛旡 ⺜日 ⺝月 ⺞歺 ⺟母 ⺠民 ⺡氵 ⺢氺 ⺣灬 ⺤爫 ⺥爫 ⺦丬 ⺧牛 ⺨犭 ⺩王 ⺪𤴔 ⺫目 ⺬示 ⺭礻 "
    "⺮𥫗 ⺯糹 ⺰纟 ⺱罓 ⺲罒 ⺳㓁 ⺴冗 ⺵𦉫 ⺶羊 ⺷𦍌 ⺸𦍋 ⺹耂 ⺺肀 ⺻聿 ⺼肉 ⺽𦥑 ⺾艹 ⺿艹 ⻀艹 ⻁虎 ⻂衤 ⻃覀 "
    "⻄西 ⻅见 ⻆角 ⻇𧢲 ⻈讠 ⻉贝 ⻊𧾷 ⻋车 ⻌辶 ⻍辶 ⻎辶 ⻏邑 ⻐钅 ⻑長 ⻒镸 ⻓长 ⻔门 ⻕𨸏 ⻖阝 ⻗雨 ⻘青 ⻙韦 "
    "⻚页 ⻛风 ⻜飞 ⻝食 ⻞𩙿 ⻟飠 ⻠饣 ⻡𩠐 ⻢马 ⻣骨 ⻤鬼 ⻥鱼 ⻦鸟 ⻧卤 ⻨麦 ⻩黄 ⻪黾 ⻫斉 ⻬齐 ⻭歯 ⻮齿 ⻯竜 "
    "⻰龙 ⻱龜 ⻲亀 ⻳龟"
)
SUPPLEMENT = {pair[0]: pair[1:] for pair in _SUPPLEMENT_PAIRS.split()}
_FOLDABLE_RE = re.compile("[\u2e80-\u2eff\u2f00-\u2fdf\uf900-\ufaff]")


def fold_ideographs(text: str) -> tuple[str, int]:
    """Radicals and compatibility ideographs back to the ideographs they stand for; the count."""
    count = 0

    def fold(match: re.Match) -> str:
        nonlocal count
        ch = match.group(0)
        folded = SUPPLEMENT.get(ch) or unicodedata.normalize("NFKC", ch)
        if folded != ch:
            count += 1
        return folded

    if not _FOLDABLE_RE.search(text):
        return text, 0
    return _FOLDABLE_RE.sub(fold, text), count
