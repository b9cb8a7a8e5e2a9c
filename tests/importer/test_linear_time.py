"""No input makes the importer backtrack: adversarial text gets a time budget per example.

The budget (hypothesis's deadline) is far above what linear work on these sizes takes here and far
below what one backtracking pattern takes on them (a run of 20,000 digits before a comma once took
6 s), so it catches a pattern gone quadratic without timing ordinary work.
"""

from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.importer import ParsedIssue, SourceError, parse_text

# Characters the importer's patterns treat specially, in runs: digits and the marks around
# numbers and dates, headline markup, quotes, brackets, spaces of every width, line breaks.
TRICKY = "0123456789０１２３，,。.：:、；;-—–~～/年月日期版第总本“”\"'（）()【】《》#*▲■ \u3000\t\n镇街道记者摄图说"
RUN = st.builds(lambda ch, n: ch * n, st.sampled_from(TRICKY), st.integers(1, 4000))
PIECE = st.one_of(RUN, st.text(alphabet=TRICKY, max_size=200), st.text(max_size=50))
BUDGET = timedelta(seconds=5)


def parses_or_refuses(text: str) -> None:
    try:
        assert isinstance(parse_text(text), ParsedIssue)
    except SourceError as exc:
        assert exc.message


@settings(max_examples=60, deadline=BUDGET, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(PIECE, min_size=1, max_size=12).map("".join))
def test_runs_of_digits_marks_and_spaces_finish_within_the_budget(text):
    parses_or_refuses(text)


@settings(max_examples=20, deadline=BUDGET, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.sampled_from(TRICKY), st.integers(10_000, 40_000), st.sampled_from(["，", "。", "\n", "年", "x"]))
def test_one_long_run_before_a_mark_finishes_within_the_budget(char, length, mark):
    parses_or_refuses("青枫镇召开会议\n\n" + char * length + mark + "镇党委书记出席会议。\n")


# Rows of a page laid out with spaces (pdftotext -layout): words at any cell, single and wide gaps.
LAID_OUT_ROW = st.lists(st.tuples(st.integers(1, 30), st.text(alphabet="青枫镇会议。，居民 0123", min_size=1, max_size=20)),
                        min_size=1, max_size=6).map(lambda cells: "".join(" " * gap + word for gap, word in cells))


@settings(max_examples=10, deadline=BUDGET, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(LAID_OUT_ROW, min_size=50, max_size=200), st.integers(1, 20))
def test_text_laid_out_in_columns_finishes_within_the_budget(rows, copies):
    from articles.importer.spaced_columns import read_columns

    text = "\n".join(rows * copies)  # up to 4,000 rows with no page break
    read, _ = read_columns(text)
    assert sorted("".join(read.split())) == sorted("".join(text.split()))
