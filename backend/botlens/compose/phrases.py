"""Phrasings that readers and platforms associate with spam accounts, one pattern per tip.

Patterns run on the folded text (:func:`botlens.features.text.text_view`), so fullwidth letters and zero-width
characters inside a phrase do not hide it. They are English first, with the most common Spanish, French,
German and Portuguese forms where spam uses them; the text model covers what the patterns miss.
"""

from __future__ import annotations

import re

_FLAGS = re.IGNORECASE

FOLLOW_BACK = re.compile(
    r"\bfollow\s*(?:me\s*)?back\b|#?\bfollowback\b|\bf4f\b|\bl4l\b|\bs4s\b|\bsub4sub\b"
    r"|\bfollow\s*(?:4|for)\s*follow\b|\blike\s*(?:4|for)\s*like\b|\bsub\s*(?:4|for)\s*sub\b"
    r"|\bfollow\s*(?:=|and|&)\s*(?:i'?ll\s*)?follow\b|\bsígueme\s*y\s*te\s*sigo\b|\bsuis[- ]moi\s*je\s*te\s*suis\b",
    _FLAGS,
)

# Asking strangers to come to one's own channel or page: the line comment spam is built on. "Subscribed to him"
# or "14 million subscribers" is talk about the video's creator, not promotion, so a phrase either points at the
# writer ("sub 2 me", "on my channel") or asks outright ("please subscribe").
SELF_PROMOTION = re.compile(
    r"\b(?:check|look)\s*(?:out\s*)?my\s*(?:new\s*)?(?:channel|page|profile|videos?|music|mixtape)\b"
    r"|\b(?:watch|see|look\s*at|visit|listen\s*to|hear)\s*(?:out\s*)?my\s*(?:new\s*|latest\s*|first\s*)?"
    r"(?:channel|vids?|videos?|tracks?|songs?|covers?|playlist|blog|page|profile|music|mixtape|raps?|beats?|website"
    r"|site|shop|store|stream)\b"
    r"|\b(?:on|to|at)\s*my\s*(?:new\s*|youtube\s*|gaming\s*|music\s*)?channel\b"
    r"|\bmy\s*(?:new|youtube|gaming|music)\s*channel\b"
    r"|\b(?:sub(?:scribe)?|sucscribe|subcribe|subbed|subed)\s*(?:2|to)?\s*(?:me|my)\b|\bsubscribe\s*back\b"
    r"|\bplease\s*subscribe\b|\b(?:i'?ll|i\s*will|i)\s*sub(?:scribe)?\s*(?:to\s*)?(?:you\s*|u\s*)?back\b"
    r"|\badd\s*me\s*on\s*(?:xbox|psn|snap\w*|insta\w*|ig|facebook|fb|kik|steam)\b"
    r"|\babonnez[- ]vous\b|\babonne[- ]toi\b|\bsuscr[ií]bete\b|\binscreva[- ]se\b|\babonniert\s*meinen\b"
    r"|\b(?:visitez|regardez)\s*ma\s*cha[îi]ne\b|\b(?:mira|visita)\s*mi\s*canal\b"
    r"|\bsu(?:b?s|b)cr[ií]b\w*\s*(?:a\s*)?mi\s*canal\b",
    _FLAGS,
)

# Engagement bait as platforms name it when they demote it: asking for likes, shares or tags rather than saying
# something ("like if you...", "thumbs up if", "like this comment", "tag a friend", "like and retweet").
ENGAGEMENT_BAIT = re.compile(
    r"\b(?:like|thumbs?\s*up|upvote|share|retweet|repost)\s*(?:this\s*)?(?:comment|post|tweet)\b"
    r"|(?:^|(?<=[.!?\n:])|(?<=[.!?:]\s)|(?<=[.!?:]\s\s)|\b(?:please|pls|plz)\s*)"
    r"(?:like|thumbs?\s*up|upvote|share|retweet|rt|repost)\s*"
    # "for" only as a trade ("like for like", "RT for a chance to win"): "thumbs up for the drummer" is praise.
    r"(?:this\s*)?(?:if|when|for\s*(?:an?\s*)?"
    r"(?:like|likes|follow|follows|rt|retweet|sub|subs|shout\s*-?out|chance|more|part))\b"
    r"|\b(?:like|thumbs?\s*up)\s*(?:if|when)\s*(?:you|u|ur|your|you'?re|y'?all)\b"
    r"|\bgive\s*(?:it|this|me|us)\s*a\s*(?:like|thumbs?\s*up)\b"
    r"|\blike\s*(?:and|&|\+)\s*(?:share|subscribe|rt|retweet|comment)\b"
    r"|\b(?:share|spread)\s*this\s*(?:video|post|everywhere)\b"
    r"|\btag\s*(?:a|your|\d|three|two)\s*(?:friends?|bff|besties?|people|mates?)\b",
    _FLAGS,
)

DM_ME = re.compile(
    r"\b(?:dm|pm|inbox|whats\s*app|telegram)\s*(?:me|us)\b"
    r"|\bsend\s*(?:me|us)\s*a\s*(?:dm|pm)\b"
    r"|\bdm\s*(?:for|to)\s*(?:more|info|details|price|prices|collab|collabs|promo|promotion|business)\b"
    r"|\bcheck\s*(?:your|ur)\s*(?:dms?|inbox)\b|\bslide\s*into\s*(?:my|the)\s*dms?\b|\bmp\s*moi\b",
    _FLAGS,
)

GIVEAWAY = re.compile(
    r"\bgive\s*-?\s*aways?\b|\bsorteo\b|\bgewinnspiel\b"
    r"|\bfree\s*(?:iphones?|gift\s*cards?|money|cash|followers|likes|robux|v-?bucks|psn|codes?|crypto|bitcoin|btc)\b"
    r"|\byou(?:'ve|\s*have)?\s*(?:been\s*selected|won(?![’']t))\b|\bclaim\s*(?:your|ur)\s*(?:free\s*)?(?:prize|reward|gift)\b"
    r"|\bwin\s*(?:a|an)?\s*(?:free|brand\s*new)\b|\bcongratulations?\s*[!,.]*\s*(?:you|u)\b"
    r"|\b(?:like|rt|retweet|follow)\s*(?:&|and|\+)\s*(?:follow|share|rt|retweet|tag)\s*to\s*win\b",
    _FLAGS,
)

GET_RICH = re.compile(
    r"\b(?:make|earn|making|earning)\s*(?:over\s*|up\s*to\s*)?[$£€]?\s*\d[\d,.]*\s*k?\s*(?:\$|usd|dollars|euros?|€|£)?"
    r"\s*(?:a|per|every|/)\s*(?:day|week|hour|month)\b"
    r"|\bget\s*rich\b|\bpassive\s*income\b|\bfinancial\s*freedom\b|\bwork\s*(?:from|at)\s*home\b"
    r"|\bdouble\s*your\s*(?:money|investment|bitcoin|crypto|income)\b|\bguaranteed\s*(?:returns?|profits?|income)\b"
    r"|\b(?:crypto|forex|trading|investment)\s*signals?\b|\bbe\s*your\s*own\s*boss\b"
    r"|\b(?:earn|make)\s*money\s*(?:online|from\s*home|fast|quickly)\b|\b100\s*%\s*(?:guaranteed|profit|returns?)\b"
    r"|\brisk[- ]free\s*(?:investment|profit|trading)\b",
    _FLAGS,
)

# A link spelled out so that link filters (and find_urls) miss it: "site dot com", "site(dot)com", "siteDOTcom",
# "tinyurl*com", ". c o m", "w w w", "h t t p", or a domain glued to the next sentence ("Stash.comI ...").
# Across the training corpora it matches 14 texts, every one spam. Possessive runs of white space keep it linear
# on a draft of nothing but spaces.
DISGUISED_LINK = re.compile(
    r"(?i:[a-z0-9](?:\s*+[\[\(]?\s*+\bdot\b\s*+[\]\)]?\s*+|dot|\s*+\*\s*+)(?:c\s*+o\s*+m|net|org)\b"
    r"|\.\s*+c\s++o\s++m\b|\bw\s++w\s++w\b|\bh\s++t\s++t\s++p)"
    r"|[a-zA-Z0-9]\.(?:com|net|org)(?=[A-Z])",
)
