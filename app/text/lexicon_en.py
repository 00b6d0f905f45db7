"""English word lists for claim detection: attribution verbs, units, dates, framing words.

Regular-expression fragments, matched case-insensitively. Written by us for Crible.
"""

from __future__ import annotations

SPEECH_PARTICIPLES = (
    r"said|says|say|told|tells|stated|states|claimed|claims|claim|declared|declares|announced|"
    r"announces|tweeted|tweets|wrote|writes|argued|argues|insisted|insists|warned|warns|added|"
    r"adds|noted|notes|explained|explains|confirmed|confirms|denied|denies|admitted|admits|"
    r"alleged|alleges|asserted|asserts|suggested|suggests|promised|promises|reported|reports|"
    r"posted|posts|accused|accuses|called|calls|described|describes|testified|boasted|boasts"
)
SPEECH_PRESENTS = SPEECH_PARTICIPLES
AUXILIARIES = r"has|have|had"
PRONOUNS = r"he|she|they|it|we"
SOURCE_MARKERS = r"according to|as reported by|cited by|quoting"
# Unnamed sourcing ("according to sources", "people familiar with the matter").
ANONYMOUS_OPENERS = (
    "a an the some several many multiple two three four numerous our unnamed anonymous "
    "unidentified senior informed reliable well-placed knowledgeable other"
)
ANONYMOUS_HEADS = (
    "source sources witness witnesses people person insider insiders informant informants "
    "reports officials official those observers"
)

PERSON_TITLES = (
    r"president|senator|sen\.|governor|gov\.|secretary(?: of state)?|minister|prime minister|"
    r"chancellor|mayor|representative|rep\.|congressman|congresswoman|spokesman|spokeswoman|"
    r"spokesperson|leader|chief|general|ambassador|judge|attorney general|ceo|director|"
    r"professor|dr\.|mr\.|mrs\.|ms\.|king|queen|pope|candidate|former president|vice president|"
    r"member|councilman|councilwoman|councillor|councilor|commissioner|sheriff|superintendent"
)

UNITS = (
    r"(?:thousand|million|billion|trillion)s?\s+(?:dollars|euros|pounds|people|barrels|tons|"
    r"jobs|votes|refugees|immigrants|acres)|"
    r"%|percent|per cent|points?|\$|dollars?|euros?|pounds?|€|£|tons?|tonnes?|kg|kilograms?|"
    r"pounds?|lbs?|miles?|km|kilometers?|kilometres?|meters?|metres?|feet|foot|acres?|"
    r"hectares?|liters?|litres?|gallons?|barrels?|degrees?|°f?|°c?|"
    r"hours?|minutes?|seconds?|days?|weeks?|months?|years?|decades?|centuries|"
    r"people|persons?|residents?|deaths?|dead|killed|injured|wounded|victims?|troops|soldiers|"
    r"jobs|votes?|seats?|students?|patients?|cases?|refugees?|immigrants?|times|"
    r"thousands?|millions?|billions?|trillions?"
)
NUMBER_WORDS = (
    r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    r"forty|fifty|sixty|seventy|eighty|ninety|hundred|hundreds|thousand|thousands|million|"
    r"millions|billion|billions|trillion|trillions|dozens?|half|quarter|third"
)
# What may follow a hyphen inside one spelled-out number: "twenty-four", "thirty-one".
NUMBER_PARTS = r"one|two|three|four|five|six|seven|eight|nine"
VAGUE_QUANTITIES = r"several|many|most|majority of|a number of|numerous|dozens of|scores of"

MONTHS = (
    r"january|february|march|april|june|july|august|september|october|november|december|"
    r"jan\.|feb\.|mar\.|apr\.|jun\.|jul\.|aug\.|sept?\.|oct\.|nov\.|dec\."
)
DAYS = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"
RELATIVE_TIME = (
    r"yesterday|today|tomorrow|tonight|this (?:week|month|year)|last (?:week|month|year|night)|"
    r"next (?:week|month|year)|(?:in|for|over|during|within) the (?:past|last|next|coming) "
    r"(?:\w+ )?(?:days|weeks|months|years|decades?)|since \d{4}|ago"
)

COMPARISONS = (
    r"more than|less than|fewer than|greater than|higher than|lower than|as many as|"
    r"as much as|most|least|biggest|largest|smallest|highest|lowest|best|worst|record|"
    r"first time|ever|twice|double|doubled|tripled|increased?|decreased?|rose|fell|risen|"
    r"fallen|grew|dropped|cut|raised|up from|down from|\w+est\b"
)
CAUSALS = (
    r"because|due to|caused|causes|led to|leads to|result(?:ed|s)? in|as a result|thanks to|"
    r"responsible for|blamed?|therefore|so that"
)
PREDICTIONS = (
    r"will|won't|would|going to|is set to|are set to|expected to|projected to|forecast|"
    r"predict(?:s|ed)?|could|might|by 20\d\d|next year|in the coming"
)
OPINION_MARKERS = (
    r"i think|i believe|i feel|in my opinion|we need|we must|we should|i want|i hope|"
    r"thank you|thanks|i love|great|wonderful|god bless|let me|i'm going to|we're going to"
)

LOADED = (
    r"so-called|regime|thugs?|brutes?|fascists?|terrorists?|dictators?|dictatorship|tyrants?|"
    r"illegitimate|legitimate|self-proclaimed|puppets?|radical|extremists?|propaganda|"
    r"disastrous|disaster|shameful|outrageous|disgraceful|alleged|hoax|fake news|witch hunt|"
    r"crooked|corrupt|evil|heroic|rigged|lies|liars?|lying|socialists?|communists?|"
    r"treasonous|traitors?|invasion|illegals|horrible|terrible|incredible|tremendous"
)
FRAMED_NOUNS = (
    r"president|government|regime|leader|authorities|elections?|army|forces|aid|intervention"
)

COMMON_CAPS = (
    "a an and as at but by during every for from he her here his however i if in it its many "
    "meanwhile most my no not now of on one our she since so some that the their then there "
    "these they this those thus to today we what when where which while who why with yet you "
    "yesterday monday tuesday wednesday thursday friday saturday sunday mr mrs ms dr "
    "according nobody everyone everybody nothing somebody someone after before although "
    "because despite former last next"
)
INSTITUTIONS = "Parliament Senate Congress Council Court Government Ministry"

PAST = (
    r"was|were|had|did|has been|have been|\w{3,}ed|took|made|said|told|went|came|won|lost|"
    r"paid|spent|rose|fell|grew|cut|left|sent|gave|got|built|began|became|held|led|met|ran|"
    r"sold|bought|brought|fought|kept|signed|voted|killed"
)
FIRST_PERSON = r"i|i'm|i've|we|we're|we've|my|our|me|us"
# Capitalised words that may precede a title: "Senate Majority Leader Chuck Schumer".
TITLE_PREFIXES = (
    "former ex vice late prime premier acting deputy assistant senior majority minority "
    "house senate state foreign interior"
)
