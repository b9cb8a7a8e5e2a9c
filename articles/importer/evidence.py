"""Every weight and threshold the importer weighs evidence with, each with the fact it encodes.

The stages import them from here, so what the importer believes about printed papers can be read
(and argued with) in one place. The role model's own weights are learned (roles/*.crfsuite,
`bench/train_importer.py`); these are the few decisions taken outside it.
"""

# --- Metadata: the town and the date (meta) ---
# A town is inferred from the text only when it is named this often, and this many times more
# often than the next one: a paper names its own town throughout, a compilation names many.
TOWN_MIN_MENTIONS = 3
TOWN_DOMINANCE = 2.0
# Event dates spread over more than this many days come from more than one issue.
DATE_SPREAD_DAYS = 366

# --- Lines as extracted (lines) ---
# A justified or letter-spaced line comes out of some extractors with a space between each of its
# characters (量 ， 绽 放 ‘ 富 林 ’); in at least this share of the pieces between its spaces, and
# in at least this many pieces, it is one character standing alone. A headline's two phrases
# (月圆中秋 暖意到家) or a list of names are far from it.
LETTER_SPACED_SHARE = 0.7
LETTER_SPACED_PIECES = 6

# --- Captions and credits glued into body lines (inline) ---
# Body text runs at least this many characters after the credit, else the line is a caption alone.
MIN_BODY_AFTER = 4
MIN_CAPTION = 2  # characters: the shortest caption (改造前)
# A notice's head followed on its line by more than this many characters says what it asks: a
# sentence, not a heading (温馨提醒：请…).
NOTICE_SENTENCE = 8
# A caption dropped inside a sentence is at most this long (characters); a paragraph's rest, longer.
INTERRUPTION_MAX = 30
# A glued line is this much wider than its column (em).
WIDER_BY = 1.5

# --- Printed lines joined back into paragraphs (unwrap) ---
# Within this many em of its column's width a line fills it.
FULL_SLACK = 1.0
# A line this much narrower than its column after a full stop is a paragraph's indented first line.
INDENT_DEFICIT = (1.5, 2.6)

# --- Columns read across, put back in order (columns) ---
# Lines in a run of alternating columns are at least this wide (em): body lines, not headlines.
MIN_WIDTH = 7.0
MIN_RUN = 4  # lines: fewer alternating lines are not evidence of two columns
# A page is set in two to four columns; read across, their lines come in turns of this many.
PERIODS = (2, 3, 4)
# An extractor that leaves a blank line after at least this share of lines leaves one after all.
EVERY_LINE_GAPPED = 0.6
# ... when at least this share of its lines fill their column (short paragraphs a line each do not).
FULL_LINES_SHARE = 0.4
MAX_JOINED = 120  # two column lines side by side are never longer
# How much a word running across a line end says that the two lines go on one from the other:
# between two lines of one paragraph a dictionary word runs across 38 % of line ends; between two
# unrelated lines 2 % (measured on the project's own texts set in columns of 14 to 22 characters).
RUNS_ACROSS = 2.9  # log(0.38 / 0.02)
DOES_NOT = -0.46  # log(0.62 / 0.98)
# Evidence (a sum of the above) for the alternate reading over the reading as extracted: enough to
# put a run back in order; or enough to doubt the extracted order, not to change it.
REORDER_AT = 5.0
DOUBT_AT = 2.0
# A story's last column ends at most this many rows before its first: where columns end, a run read
# across goes on in turns of fewer lines, and only its last rows are weighed for it.
LAST_ROWS_TRIED = 12

# --- Pages laid out with spaces, the columns side by side on each line (spaced_columns) ---
# Two spaces part the columns' pieces on a row: a Chinese line has no space, or one at a wrap.
LAYOUT_GAP = 2
# A line set further in than this (cells) stands in a column to the right of the first.
LAYOUT_INDENT = 8
# Laid-out text: at least this share of its lines hold a gap of LAYOUT_GAP spaces or stand
# far in (a laid-out page of two columns has one on nearly every row; prose has none).
LAYOUT_LINE_SHARE = 0.3
LAYOUT_MIN_LINES = 10
# A printed page laid out this way has under 200 rows; text without page breaks is read this many
# rows at a time.
LAYOUT_MAX_ROWS = 400
# A headline across the columns blocks a gutter for a few rows: at most this share of them.
LAYOUT_SPANNING_SHARE = 0.3
# A gutter has a column beside it on each side: text on at least this many rows either side.
LAYOUT_MIN_SIDE_ROWS = 3
# A column's lines start at its cell or up to this many cells right of it (the line before ran
# long and pushed them on); a line that ran long ends no further past the gutter.
LAYOUT_DRIFT = 2
# A gutter: at least this share of a band's rows start a word at it (the rest are the column's
# short lines, headlines and the rows where one column has a gap).
LAYOUT_GUTTER_SHARE = 0.25
# The page's grid: cells where this share of all its rows start a word. A band's column that
# starts on the grid needs only this many rows (the two lines a column carries on above a photo).
LAYOUT_GRID_SHARE = 0.1
LAYOUT_GRID_ROWS = 2
# Blank rows between stories: a story ends with one or more; one blank row between two runs of the
# same columns is their paragraph gaps meeting by chance.
LAYOUT_SAME_BAND_GAP = 1
# A paragraph's two-character indent comes out as this many cells further in than its column.
LAYOUT_INDENT_CELLS = (2, 3)

# --- Furniture: masthead and running heads (furniture/) ---
# The masthead stands in the first lines of page 1; past these it is not looked for.
MASTHEAD_ZONE_LINES = 16
# A running head stands among the first lines after a page break.
HEAD_LINES_AFTER_BREAK = 3
# A line this short with no sentence mark, among masthead lines, is the paper's name or slogan.
MASTHEAD_NAME_MAX = 16

# --- What the role model reads off each line (roles/features) ---
# Length buckets (characters): captions and labels are short, headlines 8-45, paragraphs longer.
LENGTH_EDGES = (2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 24, 28, 32, 38, 45, 60, 100)
# Neighbouring lines' words a headline shares with its own story: this many characters ahead.
CONTEXT_CHARS = 120
# Only lines this short are weighed as headlines or captions by what their neighbours say.
SHORT_LINE = 48
# Widths within this many em of the column count as a full printed line.
FULL_LINE_SLACK = 1.0
# A line per printed line: at least this share of the lines with a comma in them stop before
# their sentence ends (a column wraps anywhere; a paragraph ends on a full stop). Measured: 0.71 to
# 1.00 in text extracted a line per printed line (simulated and from typeset PDFs by pdftotext,
# pdfminer and pypdfium2), at most 0.47 in a line per paragraph (simulated, samples, corpus).
WRAPPED_OPEN_SHARE = 0.6
WINDOW = 12  # lines on each side that estimate the column width a line stands in
# A report's parallel subheads open with phrases of about one length and run on with phrases
# within this many characters of each other (提前部署 隐患排查不留死角 / 转移安置 群众安全放在首位) ...
PARALLEL_SLACK = 2
# ... their opening phrases within this many (守护绿色家园 共建… / 擦亮文明新底色 唱响…).
PARALLEL_OPENING_SLACK = 1
# Characters after a headline in which a story that goes on names again the people it introduced.
NAMED_AGAIN_WITHIN = 600
# A subhead's first line, broken after a comma, is no longer than this (characters).
SUBHEAD_PIECE = 16
# A line this many em narrower than its column is short even for a paragraph's indented first line
# (two em) with a character pushed to the next line (one more): a heading or a caption, if nothing
# in it reads as a sentence.
HEADING_NARROWER_BY = 4.0
# A line this many em wider than its column's body lines was not set in that column.
HEADLINE_WIDER_BY = 3.0
STACK_LINE = 45  # the longest headline line community papers print
SAME_WIDTH = 1.0  # em: the lines of one wrapped headline differ by less
LEAD_CHARS = 50  # a lead says when and where within its first characters
# A column's wraps left spaces in a line per paragraph when at least this many pieces between
# them are found, their middle half within this share of their median length; a line this many
# times that width with no space in it was not set in the body column.
WRAP_PIECES = 12
WRAP_SPREAD = 0.4
WIDER_THAN_COLUMN = 1.25
# A headline set inside one column in larger type fits fewer characters a line: its lines are
# at most this share of the column's width (in body characters).
HEADLINE_NARROWER = 0.8
# The sections of one story: this many characters each side of a line say what it goes on about.
SECTION_CHARS = 500
# A word (bigram) found in at most this many lines of an issue is a name, a place, a programme.
RARE_LINES = 4
# A word in this share of an issue's lines (and the issue this long) is common to all its stories.
COMMON_SHARE = 0.12
COMMON_MIN_LINES = 20

# --- An issue's own habits (the second pass) (roles/conventions) ---
# A habit needs this many lines behind it.
MIN_LINES = 2
# A line's length matches a role's habit within this share of the role's median length.
LENGTH_TOLERANCE = 0.3
# Paragraph counts the second pass tells apart when it reads where a line stands in its story: a
# story's first subhead comes after a lead of one to three paragraphs, and subheads recur every
# two to six.
STORY_PARAGRAPH_EDGES = (0, 1, 2, 3, 5, 8)

# --- Stacks, bodies and continued stories (segment) ---
# A continued story's repeated title shares at least this much with the title it repeats.
REPEATED_TITLE_OVERLAP = 0.6
# Side-by-side stacks: at most this many cut points are tried (the body is short).
MAX_CUT_CANDIDATES = 24

# --- Articles assembled: fragments put back (assemble) ---
# Below this share of shared bigrams a fragment is not judged to belong to a headline.
FRAGMENT_MIN_OVERLAP = 0.2
# Blank lines before a fragment that mark where a picture or another story stood.
PICTURE_GAP = 2

# --- PDF: the text layer (pdf/) ---
# A page with fewer characters than this in its text layer is a picture of a page (a scan).
MIN_TEXT_CHARS = 20

# --- PDF: characters into lines (pdf/reader) ---
# A character further than this many character widths from the one before starts a new piece:
# the gutter between columns, or a caption set beside the text.
GAP_IN_SIZES = 1.2
# Characters whose sizes differ by more than this share are set in different type.
SIZE_TOLERANCE = 0.12
# Baselines closer than this share of the type size are one line.
BASELINE_TOLERANCE = 0.35

# --- PDF: roles from type size and place (pdf/layout) ---
# Type this many times the body size is a headline's; between MEDIUM and HEADLINE, a kicker, a
# subtitle or a subhead; under SMALL, captions, bylines, credits and running heads.
HEADLINE = 1.35
MEDIUM = 1.08
SMALL = 0.95
# Within one stack, type at least this share of the largest is the title's (a title's lines may be
# set a point apart); smaller type is the kicker's above it or the subtitle's below.
TITLE_SHARE = 0.85
# A running head or foot stands in this share of the page's height at its top or bottom.
MARGIN_BAND = 0.09
# A caption starts within this many lines of its own type below or beside its picture.
CAPTION_REACH_LINES = 2.5
BESIDE_REACH = 40.0  # points between a picture's edge and a caption set beside it
# A paragraph's first line is indented by at least this many body characters.
INDENT = 1.2
# A line ending this many body characters short of its column is a paragraph's last.
SHORT_END = 1.5
# A column label is this short, in body or small type, right above a headline.
COLUMN_LABEL_MAX = 10
