"""Words and forms that tell what a printed line is, each list a fact about community papers."""

from __future__ import annotations

import re

from ..chars import CJK

# A headline reports what happened: an event verb or the noun of an event.
EVENT_RE = re.compile(
    "召开|举行|举办|开展|启动|开幕|闭幕|揭牌|成立|签约|签订|开放|调研|视察|走访|慰问|表彰|推进|部署|学习|传达|贯彻|"
    "评议|获评|荣获|获得|入选|完成|发布|上线|通过|当选|出席|来到|走进|迎来|落地|亮相|开通|竣工|开工|考察|检查|"
    "会议|大会|活动|仪式|座谈|论坛|培训|比赛|展览|讲座|督查|指导|整治|创建|庆祝|纪念|组织|参加|聚焦|助力"
)
# A headline often opens with the body that acted: a town, a street, a committee.
# Not a place: common nouns that end in a place word (城市, 小区, 园区, 社区 alone).
PLACE_START_RE = re.compile(
    f"^(中共)?[{CJK}]{{2,8}}?(?<![城小园辖景校片郊市都])(镇|街道|区|市|县|村|居民区|社区|居委会|公司|联合社|人大|党委)")
# A lead sentence opens with when it happened, or with the usual words of a report's opening.
DATE_START_RE = re.compile(r"^(\d{4}年)?\d{1,2}月(\d{1,2}[日号])?|^(近日|日前|近期|今年以来|本报讯|昨天|今天|前不久|\d{4}年)")
# A lead that opens on its purpose (为助力…，…) or its occasion (在…之际).
LEAD_WORD_RE = re.compile(
    r"^(为了|为(?:进一步|深入|切实|全面|持续|推进|加强|营造|做好|助力|庆祝|迎接|贯彻|落实|提升|丰富|弘扬|扎实|推动|打造|"
    r"确保|满足|增强|促进|引导|巩固|传承|践行)|在.{1,12}(之际|期间|下))")
ENUMERATION_RE = re.compile(
    r"^(?:[一二三四五六七八九十]+(?:是|要|来|则|方面)|第[一二三四五六七八九十\d]+[，、,是条要]|"
    r"[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d+[、.．]\D)"
)
# Bylines: who wrote it, in the forms papers print under a headline or after the last paragraph.
BYLINE_RE = re.compile(
    r"^[（(]?\s*(?:本报|本刊)?(?:首席|特约|见习|摄影)?(?:记者|通讯员|撰稿|供稿|文\s*/\s*图|图\s*/\s*文|文|图|摄影|摄|作者|编辑)"
    r"\s*[:：]?\s*[\u4e00-\u9fff·]{2,4}(?:[\s、，,]+(?:(?:本报)?(?:记者|通讯员|文|图|摄影|摄)\s*[:：]?\s*)?[\u4e00-\u9fff·]{2,4})*"
    r"\s*(?:摄)?\s*[）)]?$"
)
# A photo credit: (记者 张三 摄), 通讯员摄, 王芳 摄.
CREDIT_RE = re.compile(
    r"[（(]?\s*(?:(?:本报)?(?:记者|通讯员|摄影|摄影记者|特约摄影)\s*)?[\u4e00-\u9fff·]{0,4}\s*摄\s*[）)]?$"
)
# What a photo credit wrapped onto a line of its own can be: 摄 / 超 摄 / 摄影 蔡 / 体验割稻 摄影 蔡.
CREDIT_PIECE_RE = re.compile(r"(?:^|\s)(?:摄影|记者|通讯员)(?:\s|$)|(?:^|\s)摄$|^[\u4e00-\u9fff·]{0,4}\s*摄$")
# A caption and its credit on two lines read as one: 新塘村整修后的村宅 记者 / 韩芳 摄.
CAPTION_AND_CREDIT_RE = re.compile(
    r"^[^，。；！？,;!?\s]{2,30}\s*(?:摄影记者|记者|通讯员|摄影)\s*[\u4e00-\u9fff·]{2,4}\s*摄$")
CREDIT_HEAD_RE = re.compile(r"(?:记者|通讯员|摄影)\s*[\u4e00-\u9fff·]{0,4}\s*摄|[\u4e00-\u9fff·]{2,3}\s+摄")
# Captions describe a picture: a scene, a moment, before/after.
CAPTION_TAIL_RE = re.compile(
    r"(现场|留影|合影|合照|一角|风采|瞬间|掠影|剪影|场景|全景|外景|实景|近景|活动中|进行中|改造前|改造后|整治前|整治后|前后对比|摄)$")
CAPTION_HEAD_RE = re.compile(r"^(图说|图为|图片说明|上图|下图|左图|右图|图\s*\d|▲|△)")
# The paper's own notices: headed by the kind of notice they are.
NOTICE_RE = re.compile(r"^(温馨提示|温馨提醒|征稿启事|征稿|启事|通知|公告|告示|提醒|招聘|招募|更正|声明|致读者|读者来信|报名)")
# A column (栏目) label: short, often bracketed.
BRACKET_LABEL_RE = re.compile(r"^[【\[〖［].{1,10}[】\]〗］]$")
BRACKET_START_RE = re.compile(r"^[【\[〖［]")
SEPARATOR_RE = re.compile(r"[丨|｜]")
SPACE_BETWEEN_CJK_RE = re.compile(f"[{CJK}“”\"》）!！?？][ \u3000\t]+[{CJK}“”\"《（]")
DIGIT_RE = re.compile(r"\d")
LATIN_RE = re.compile(r"[A-Za-z]")
# What a notice asks of its readers: to call, to sign up, to send in, by a date.
NOTICE_WORDS_RE = re.compile(r"欢迎|敬请|请于|请各位|报名|投稿|来稿|截止|咨询电话|联系电话|联系人|热线|邮箱|地址[:：]|特此|如有疑问")
# A story's lead says when and where: a date or 近日 and a place in its first words.
LEAD_DATE_RE = re.compile(r"\d{1,2}月\d{1,2}[日号]|近日|日前|近期|今年以来|昨天|前不久|\d{4}年\d{1,2}月")
LEAD_PLACE_RE = re.compile(r"镇|街道|社区|居民区|村|区|市|县")
# A story's last paragraph looks ahead or sums up: 下一步，…将…; 据悉…
CONCLUSION_RE = re.compile(r"^(下一步|今后|接下来|未来|据悉|据了解|据介绍|此外|目前|截至目前|最后)")
