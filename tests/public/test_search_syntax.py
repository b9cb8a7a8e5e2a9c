"""Reading a query typed into the search box, and the plan it becomes: pure functions, no database."""

from django.test import SimpleTestCase
from hypothesis import given
from hypothesis import strategies as st

from articles.search import syntax
from articles.search.plan import SearchPlan, minimal_alternatives, plan_for
from articles.search.syntax import Word, describe, exact_query, parse_query


def words(*texts, exact=False):
    return tuple(Word(t, exact) for t in texts)


class ParseQueryTests(SimpleTestCase):
    def test_words_separated_by_spaces_must_all_occur(self):
        parsed = parse_query("加装电梯  新泾\u3000镇")
        self.assertEqual(parsed.clauses, (words("加装电梯"), words("新泾"), words("镇")))
        self.assertEqual((parsed.excluded, parsed.error), ((), ""))
        self.assertFalse(parsed.has_operators)

    def test_latin_letters_are_folded_and_repeats_dropped(self):
        self.assertEqual(parse_query("WiFi wifi").clauses, (words("wifi"),))

    def test_or_in_chinese_or_english_joins_the_words_beside_it(self):
        for query in ["加梯 或 电梯 新泾", "加梯 OR 电梯 新泾"]:
            self.assertEqual(parse_query(query).clauses, (words("加梯", "电梯"), words("新泾")), query)
        self.assertEqual(parse_query("甲 或 乙 或 丙").clauses, (words("甲", "乙", "丙"),))

    def test_or_inside_a_word_or_in_lower_case_is_just_text(self):
        self.assertEqual(parse_query("或者 or").clauses, (words("或者"), words("or")))

    def test_a_minus_before_a_word_excludes_it(self):
        for minus in "-－":
            parsed = parse_query(f"垃圾分类 {minus}湿垃圾")
            self.assertEqual(parsed.clauses, (words("垃圾分类"),))
            self.assertEqual(parsed.excluded, words("湿垃圾"))
        self.assertEqual(parse_query("covid-19").clauses, (words("covid-19"),))  # a hyphen inside a word stays

    def test_quotes_keep_a_phrase_whole_with_its_spaces_and_without_variants(self):
        for query in ['"垃圾  分类" 新泾', "“垃圾 分类” 新泾"]:
            parsed = parse_query(query)
            self.assertEqual(parsed.clauses, ((Word("垃圾 分类", exact=True),), words("新泾")), query)
            self.assertTrue(parsed.has_operators)
        self.assertEqual(parse_query("“或”").clauses, ((Word("或", exact=True),),))
        self.assertEqual(parse_query('-"湿 垃圾" 分类').excluded, (Word("湿 垃圾", exact=True),))

    def test_a_quote_right_after_a_word_begins_a_phrase(self):
        self.assertEqual(parse_query("加装“电梯 工程”").clauses,
                         (words("加装"), (Word("电梯 工程", exact=True),)))

    def test_malformed_queries_get_a_chinese_message_and_nothing_to_search(self):
        cases = {
            "": syntax.EMPTY, "   ": syntax.EMPTY, None: syntax.EMPTY,
            "“加装电梯": syntax.UNBALANCED, '"加梯': syntax.UNBALANCED, '加梯 "': syntax.UNBALANCED,
            "加梯”": syntax.STRAY_CLOSE, "” 加梯": syntax.STRAY_CLOSE,
            '""': syntax.EMPTY_PHRASE, "“  ”": syntax.EMPTY_PHRASE,
            "-": syntax.LONE_MINUS, "加梯 -": syntax.LONE_MINUS, "- 加梯": syntax.LONE_MINUS, "－": syntax.LONE_MINUS,
            "-加梯": syntax.ONLY_EXCLUDED, "-加梯 -电梯": syntax.ONLY_EXCLUDED,
            "或": syntax.DANGLING_OR, "或 加梯": syntax.DANGLING_OR, "加梯 或": syntax.DANGLING_OR,
            "加梯 或 或 电梯": syntax.DANGLING_OR, "OR": syntax.DANGLING_OR,
            "加梯 或 -电梯": syntax.EXCLUDED_OR, "-加梯 OR 电梯": syntax.EXCLUDED_OR,
        }
        for query, message in cases.items():
            parsed = parse_query(query)
            self.assertEqual(parsed.error, message, query)
            self.assertEqual((parsed.clauses, parsed.excluded), ((), ()), query)
            self.assertRegex(message, r"^[“\u4e00-\u9fff].*[\u4e00-\u9fff].*。$")

    def test_long_queries_are_cut_to_the_term_limit_and_say_so(self):
        parsed = parse_query(" ".join(f"词{n}" for n in range(20)))
        self.assertEqual(len(parsed.clauses), syntax.MAX_TERMS)
        self.assertEqual(parsed.notice, syntax.TRUNCATED)
        self.assertEqual(parse_query("镇" * 500).clauses, (words("镇" * syntax.MAX_TERM_LENGTH),))
        self.assertEqual(parse_query("甲 乙").notice, "")
        self.assertEqual(parse_query("“" + "镇" * 39 + " 社区”").clauses, ((Word("镇" * 39, exact=True),),))

    def test_describe_and_exact_query(self):
        parsed = parse_query("加梯 或 电梯 新泾 -停车")
        self.assertEqual(describe(parsed), "同时包含：加梯或电梯、新泾；不含：停车")
        self.assertEqual(describe(parse_query("加梯")), "")
        self.assertEqual(exact_query(parsed), "“加梯” 或 “电梯” “新泾” -“停车”")
        self.assertEqual(parse_query(exact_query(parsed)).clauses,
                         ((Word("加梯", True), Word("电梯", True)), (Word("新泾", True),)))


    @given(st.text(alphabet=st.sampled_from(list('加梯 电"“”-－或ORr\u3000\tａ')), max_size=30) | st.text(max_size=60))
    def test_any_text_is_read_or_refused_with_a_message_never_an_exception(self, query):
        parsed = parse_query(query)
        if parsed.error:
            self.assertEqual((parsed.clauses, parsed.excluded), ((), ()))
        else:
            self.assertTrue(parsed.clauses)
            self.assertLessEqual(len(parsed.words) + len(parsed.excluded), syntax.MAX_TERMS)
            for word in (*parsed.words, *parsed.excluded):
                self.assertTrue(word.text and word.text == word.text.strip() and len(word.text) <= 40, word)


class SearchPlanTests(SimpleTestCase):
    VARIANTS = {"加装电梯": ["加梯", "电梯加装", "加梯工作", "既有多层住宅加装电梯"],
                "加梯": ["加装电梯", "电梯加装", "加梯工作"], "卞晓清": ["下晓清"]}

    def plan(self, query):
        return plan_for(parse_query(query), lambda word: self.VARIANTS.get(word, []))

    def test_variants_that_hold_another_add_nothing_and_are_left_out(self):
        self.assertEqual(minimal_alternatives("加装电梯", ["加梯", "既有多层住宅加装电梯", "加梯工作"]),
                         ("加装电梯", "加梯"))
        self.assertEqual(minimal_alternatives("加梯工作", ["加梯", "加装电梯"]), ("加梯", "加装电梯"))

    def test_a_bare_word_is_widened_a_quoted_or_excluded_one_is_not(self):
        plan = self.plan("加装电梯 卞晓清")
        self.assertEqual(plan.clauses, (("加装电梯", "加梯", "电梯加装"), ("卞晓清", "下晓清")))
        self.assertEqual(plan.added, (("加梯", "电梯加装"), ("下晓清",)))
        self.assertEqual(self.plan("“加装电梯”").clauses, (("加装电梯",),))
        self.assertEqual(self.plan("新泾 -加梯").excluded, ("加梯",))

    def test_alternatives_of_one_clause_share_their_variants(self):
        plan = self.plan("加装电梯 或 加梯")
        self.assertEqual(plan.clauses, (("加装电梯", "加梯", "电梯加装"),))
        self.assertEqual(plan.added, (("电梯加装",),))

    def test_matches_every_clause_by_any_string_and_no_excluded_one(self):
        plan = SearchPlan(clauses=(("加梯", "加装电梯"), ("新泾",)), excluded=("停车",))
        self.assertTrue(plan.matches("新泾镇加装电梯"))
        self.assertFalse(plan.matches("新泾镇加装电梯，停车"))
        self.assertFalse(plan.matches("加梯"))
        self.assertFalse(SearchPlan(clauses=()).matches("任何文字"))
        self.assertIsNone(plan.conjunction)
        self.assertEqual(SearchPlan.literal("加梯 新泾").conjunction, ["加梯", "新泾"])
        self.assertIsNone(SearchPlan(clauses=(("垃圾 分类",),)).conjunction)
        self.assertTrue(plan.narrowed_by_text and SearchPlan(clauses=(("垃圾 分类",),)).narrowed_by_text)
        self.assertFalse(SearchPlan(clauses=(("加梯", "电梯"), ("新泾",))).narrowed_by_text)
        self.assertEqual(plan.highlighted, ["加梯", "加装电梯", "新泾"])
