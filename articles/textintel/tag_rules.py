"""Every weight and threshold of tag suggestion, in one place, each with the fact it encodes.

The evidence for a topic in an article is a sum of what the article says about it (its headline,
its lead, how often the body names it, the cue words around it); a suggestion is shown only when
that evidence, weighed by what editors decided before, clears SHOW_AT. Measured with
bench/bench_tags.py (docs/tags.md); change a figure here, run it again.
"""

# --- Where a topic is named -------------------------------------------------------------------------
# A topic the headline (title, subtitle or kicker) names is what the article is about.
HEADLINE = 2.0
# The first paragraph of a news story says what it is about: naming a topic there counts extra.
LEAD = 0.5
# The lead is the first paragraph, or as much of it as fits in this many characters.
LEAD_CHARACTERS = 250
# Each further mention in the body adds less: the n-th mention is worth log2(1 + n) in all.
BODY = 1.0
# A body this long (in characters) or shorter counts its mentions as they are; a longer one (a work
# report listing every task) scales them down, since it names everything a few times.
REFERENCE_LENGTH = 900
# A topic named inside a longer one (人大代表 in 人大代表之家) is partly what that one is about.
INSIDE_LONGER = 0.5

# --- Cue words -------------------------------------------------------------------------------------
# Each distinct cue word of a topic in the article (湿垃圾 for 垃圾分类) is a little evidence of it ...
CUE = 0.25
# ... but cues only ever strengthen a topic the article names, and never by more than this.
CUES_AT_MOST = 1.0
# A word co-occurring with a topic editors accepted is a cue once it has been seen with it this
# often; less often, it counts in proportion.
LEARNT_CUE_FULL_AFTER = 3
# The words of an accepted article that are taken as cues of the accepted topic.
LEARNT_CUES_PER_ACCEPTANCE = 8

# --- What editors decided --------------------------------------------------------------------------
# Editors' accept/reject counts scale a term's evidence by (accepted + PRIOR) / (decided + 2 PRIOR),
# doubled, so an undecided term keeps its evidence, a rejected one loses it, an accepted one gains.
FEEDBACK_PRIOR = 2.0

# --- Words outside the vocabulary ------------------------------------------------------------------
# A word the vocabulary does not know is suggested only when the headline names it and the body
# uses it at least this often: otherwise it is a slogan, a pun or a passing detail.
FREE_BODY_MENTIONS = 2
# Its evidence counts at this share of a vocabulary topic's: the vocabulary is what editors chose.
FREE_FACTOR = 0.8
# In an archive of at least FREE_DF_MIN_DOCUMENTS articles, a word in more than this share of them
# is a word of the genre, not a topic.
FREE_DF_SHARE = 0.15
FREE_DF_MIN_DOCUMENTS = 50
# A word whose neighbour is the same noun at this share of its uses is a piece of a longer
# compound the dictionary lacks (高空|抛物, 背街|小巷): the compound is the candidate, not the piece.
PIECE_OF_COMPOUND = 0.6
# At most this many suggestions are words outside the vocabulary.
FREE_AT_MOST = 1

# --- What is shown ---------------------------------------------------------------------------------
# Evidence a suggestion needs: the headline and one more mention, or three mentions in the body,
# or two with one in the lead. One mention in passing is not enough.
SHOW_AT = 2.0
# Beside the best topic, another is shown only with at least this share of its evidence.
RELATIVE_TO_BEST = 0.4
# An editor reads a handful of suggestions, not a list.
SHOW_AT_MOST = 5
