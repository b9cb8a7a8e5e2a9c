"""Search tokens: pure functions, no database."""

import random

from django.test import SimpleTestCase

from articles.search.tokens import ESCAPE, TERMINAL, document_tokens, phrase_tokens, split_query, term_tokens

TEXT = "新泾镇召开垃圾分类推进会，8:30开始。WiFi 全覆盖“一网统管”"


class DocumentTokensTests(SimpleTestCase):
    def test_a_document_yields_its_bigrams_and_a_terminal_token_per_run(self):
        self.assertEqual(document_tokens("垃圾分类 会议"),
                         ["垃圾", "圾分", "分类", "类" + TERMINAL, "会议", "议" + TERMINAL])

    def test_longer_runs_are_added_on_request_and_never_cross_a_space(self):
        tokens = document_tokens("垃圾分类 会议", longest=4)
        self.assertIn("垃圾分", tokens)
        self.assertIn("垃圾分类", tokens)
        self.assertFalse(any(" " in t or "类会" in t for t in tokens))

    def test_punctuation_is_spelt_out_so_any_tokenizer_keeps_a_token_whole(self):
        tokens = document_tokens("8:30")
        self.assertTrue(all(ch.isalnum() for t in tokens for ch in t))
        self.assertIn(f"8{ESCAPE}3a{ESCAPE}", tokens)

    def test_latin_letters_are_folded(self):
        self.assertEqual(document_tokens("WiFi"), document_tokens("wifi"))


class TermTokensTests(SimpleTestCase):
    def test_one_character_is_a_prefix_and_a_short_term_is_one_token(self):
        self.assertEqual(term_tokens("镇"), ["镇"])
        self.assertEqual(term_tokens("卞晓清", longest=4), ["卞晓清"])
        self.assertEqual(term_tokens("卞晓清"), ["卞晓", "晓清"])
        self.assertEqual(term_tokens("镇党委书记", longest=4), ["镇党委书", "党委书记"])
        self.assertEqual(phrase_tokens("卞晓清"), ["卞晓", "晓清"])

    def test_every_token_of_a_term_is_in_every_document_holding_it(self):
        rng = random.Random(7)
        for longest in (2, 4):
            document = set(document_tokens(TEXT, longest=longest))
            for _ in range(300):
                start = rng.randrange(len(TEXT))
                term = TEXT[start:start + rng.randint(1, 7)].split()[0] if TEXT[start].strip() else "镇"
                prefix = len(term) == 1
                for token in term_tokens(term.lower(), longest=longest):
                    self.assertTrue(any(t.startswith(token) for t in document) if prefix else token in document,
                                    (term, token, longest))

    def test_a_term_up_to_the_longest_run_is_in_the_index_exactly_when_it_is_in_the_text(self):
        document = set(document_tokens(TEXT, longest=4))
        characters = sorted(set(TEXT.replace(" ", "").lower()))
        rng = random.Random(11)
        for _ in range(2000):
            term = "".join(rng.choice(characters) for _ in range(rng.randint(2, 4)))
            self.assertEqual(term_tokens(term, longest=4)[0] in document, term in TEXT.lower(), term)
        for start in range(len(TEXT) - 4):
            term = TEXT[start:start + 4].lower()
            if " " not in term:
                self.assertIn(term_tokens(term, longest=4)[0], document, term)


class SplitQueryTests(SimpleTestCase):
    def test_terms_are_split_on_whitespace_folded_deduplicated_and_bounded(self):
        self.assertEqual(split_query("  垃圾分类　新泾 WiFi wifi "), ["垃圾分类", "新泾", "wifi"])
        self.assertEqual(split_query(""), [])
        self.assertEqual(len(split_query(" ".join(str(i) for i in range(20)))), 8)
        self.assertEqual(len(split_query("镇" * 500)[0]), 40)
