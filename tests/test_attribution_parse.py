"""Attribution constructions of political news, with and without the parse (own test sentences)."""
from __future__ import annotations

import pytest

from tests.test_attribution import check, claim_for

AFTER_THE_REPORT = [
    # A clause or phrase the parser hangs on the verb after what it reports belongs to the report ...
    ("Senator Ann Vale (R-Ohio) said that the claim was absurd, because the council had backed the same plan "
     "in 2019.", "2019", {"speaker": "Ann Vale", "cue": "said"}),
    ("The Ledger's latest average shows Vale ahead by 3.7 percentage points.", "3.7 percentage points",
     {"cue": "shows"}),
    ("Morales cited new endorsements from 88 retired teachers.", "88 retired teachers",
     {"speaker": "Morales", "cue": "cited"}),
    # ... but not the time or the occasion of the saying
    ("Morales asked the mayor on two separate occasions whether the bridge was safe.", "two separate occasions",
     {"speaker": None}),
]


@pytest.mark.model
@pytest.mark.parametrize("text, figure, expected", AFTER_THE_REPORT)
def test_what_follows_the_report_on_the_verb(model_nlp, rules, text, figure, expected):
    check(claim_for(model_nlp, rules, text, figure), expected)


MISTAGGED = [
    # "repeated" tagged a verb still stands between an owner and its noun of saying
    ("Okafor's repeated emphasis that only 1 percent of the clerks had cheated angered the panel.", "1 percent",
     {"speaker": "Okafor", "cue": "emphasis"}),
    # a verb of saying tagged a noun still reports when the parse gives it a subject and a clause
    ("Leaked documents from the audit show the firm took a $916 million loss.", "$916 million",
     {"cue": "show"}),
    # a noun that is no verb stays a noun
    ("The show drew 3 million viewers.", "3 million viewers", {"speaker": None}),
]


@pytest.mark.model
@pytest.mark.parametrize("text, figure, expected", MISTAGGED)
def test_words_the_tagger_gets_wrong(model_nlp, rules, text, figure, expected):
    check(claim_for(model_nlp, rules, text, figure), expected)


SOURCES_AND_RELAYS = [
    # an outlet's report sourced "according to" someone: that someone speaks, the outlet passes it on
    ("The Ledger reports that 40 percent of voters back Vale, according to the Harbor Institute.", "40 percent",
     {"speaker": "Harbor Institute", "cue": "according to", "via": "Ledger"}),
    ("Maariv reported that 40 drones were shot down, according to the army.", "40 drones",
     {"speaker": "army", "cue": "according to", "via": "Maariv"}),
    # a speaker who is somebody's lawyer or family
    ("The relatives watched the videos on Thursday, according to their attorneys.", "Thursday",
     {"speaker": "their attorneys", "cue": "according to"}),
    # documents that speak: analyses agree, a video references
    ("Independent analyses agree the top 1 percent would gain the most.", "1 percent",
     {"speaker": "Independent analyses", "cue": "agree"}),
    ("The two leaders agree on 3 points.", "3 points", {"speaker": None}),
    # what a text reads: after a quotation, not "read 300 names"
    ("“Leaders honored Vale for 300 new jobs,” the article read.", "300", {"speaker": "article", "cue": "read"}),
    ("The mayor read 300 names at the memorial.", "300 names", {"speaker": None}),
    # a verb set between commas names its own speaker
    ("These clerks, Okafor explained in the hearing, earned between $30,000 and $60,000 a year.",
     "between $30,000 and $60,000", {"speaker": "Okafor", "cue": "explained"}),
]


@pytest.mark.parametrize("text, figure, expected", SOURCES_AND_RELAYS)
def test_sources_and_relays(blank_nlp, rules, text, figure, expected):
    check(claim_for(blank_nlp, rules, text, figure), expected)


@pytest.mark.model
@pytest.mark.parametrize("text, figure, expected", SOURCES_AND_RELAYS + [
    ("A campaign video by the party references four cases in which Vale defended clients.", "four cases",
     {"speaker": "A campaign video", "cue": "references"}),
    # a participle of saying after a comma speaks for the sentence's speaker, not for the clause it hangs on
    ("Halvorsen said the party must win the young, suggesting that 20 million voters would stay home.",
     "20 million voters", {"speaker": "Halvorsen", "cue": "suggesting"}),
    # "it" after an organisation the model names
    ("The Harbor Fund met on Monday. For next year, it forecast growth of 1.8 percent.", "1.8 percent",
     {"speaker": "Harbor Fund", "cue": "forecast"}),
    ("Its forecast for growth rose to 4.2 percent, the Harbor Fund said.", "4.2 percent",
     {"speaker": "Harbor Fund", "cue": "said"}),
    # when the parse gives a verb two subjects, the one nearest before it speaks
    ("His promises to tax the rich notwithstanding, independent analyses agree the top 1 percent would gain.",
     "1 percent", {"speaker": "independent analyses", "cue": "agree"}),
    # "who" after a name and its description speaks for the name
    ("Vale has clashed with Dahl, now the council leader, who in 2010 said the party must win 40 seats.",
     "40 seats", {"speaker": "Dahl", "cue": "said"}),
    ("Vale has clashed with Dahl, now the council leader, who in 2010 said the party must win 40 seats.",
     "2010", {"speaker": None}),
    # the frame of a verb between commas is not what it reports
    ("These clerks, Okafor explained in the 2015 hearing, earned a lot.", "2015", {"speaker": None}),
    ("In March, Okafor said the deal, which cost $5 million, had failed.", "March", {"speaker": None}),
])
def test_sources_and_relays_with_the_parse(model_nlp, rules, text, figure, expected):
    check(claim_for(model_nlp, rules, text, figure), expected)



RELATIVE_SOURCES = [
    # a relative clause without "that" right after the claim's noun: its own subject speaks
    ("That is a small share of the $40 million analysts say the bridge costs.", "$40 million",
     {"speaker": "analysts", "cue": "say"}),
    ("The fund holds the roughly $18 million Vale says she raised last week.", "roughly $18 million",
     {"speaker": "Vale", "cue": "says"}),
    ("The top 33 percent rate Vale has proposed is lower than the old one.", "33 percent",
     {"speaker": "Vale", "cue": "proposed"}),
    # no noun phrase holds the claim: the year is the frame of the saying
    ("In 2019 officials said the plan had failed.", "2019", {"speaker": None}),
]


@pytest.mark.parametrize("text, figure, expected", RELATIVE_SOURCES)
def test_relative_clauses_without_that(blank_nlp, rules, text, figure, expected):
    check(claim_for(blank_nlp, rules, text, figure, kind="date" if figure == "2019" else "quantity"), expected)


@pytest.mark.model
@pytest.mark.parametrize("text, figure, expected", RELATIVE_SOURCES + [
    # whom a speaker tells or accuses is not what they say
    ("The rules let firms tell one regulator that a unit is a bank.", "one regulator", {"speaker": None}),
    ("Dahl told 300 workers that the plant would close.", "300 workers", {"speaker": None}),
    ("Dahl told the council that 300 workers would go.", "300 workers", {"speaker": "Dahl", "cue": "told"}),
])
def test_relative_clauses_and_addressees_with_the_parse(model_nlp, rules, text, figure, expected):
    check(claim_for(model_nlp, rules, text, figure, kind="date" if figure == "2019" else "quantity"), expected)


MORE_SOURCES = [
    # "by" + an owner + a noun of estimating: the owner speaks, or the estimate itself
    ("The region lost 3,000 acres of forest to the fire, by one estimate.", "3,000 acres",
     {"speaker": "one estimate", "cue": "by one estimate"}),
    ("By Okafor's own admission, the firm lost 40 clients last year.", "40 clients",
     {"speaker": "Okafor", "cue": "by own admission"}),
    ("The bridge was built by 300 workers.", "300 workers", {"speaker": None}),
    # an owned plan: as the subject of its verb, and after "Under ... ,"
    ("Under Mayor Dahl's plan, drivers using the bridge would pay a toll of 4 dollars.", "4 dollars",
     {"speaker": "Dahl", "cue": "plan"}),
    ("Mayor Dahl's plan would also cap the fare at 3 dollars and raise the parking fee.", "3 dollars",
     {"speaker": "Dahl", "cue": "plan"}),
    ("Under the new rules, drivers would pay a toll of 4 dollars.", "4 dollars", {"speaker": None}),
    # ratings, accusations and questions are said too
    ("The Ledger rated 32% of the mayor's claims as false.", "32%", {"speaker": "Ledger", "cue": "rated"}),
    ("Ukraine accused Ardia of sending 3,000 troops to the border.", "3,000 troops",
     {"speaker": "Ukraine", "cue": "accused"}),
    ("At a rally, Vale questioned why the council spent 3 million dollars on signs.", "3 million dollars",
     {"speaker": "Vale", "cue": "questioned"}),
    ("Police questioned 12 people.", "12 people", {"speaker": None}),
    ("When the survey asked about all four candidates, Vale led with 42 percent.", "four candidates",
     {"speaker": "survey", "cue": "asked"}),
    ("Dahl is raising questions about the 300 jobs the council cut.", "300 jobs",
     {"speaker": "Dahl", "cue": "raising"}),
    ("The council raised taxes by 3 percent.", "3 percent", {"speaker": None}),
]


@pytest.mark.parametrize("text, figure, expected", MORE_SOURCES)
def test_estimates_plans_ratings_and_questions(blank_nlp, rules, text, figure, expected):
    check(claim_for(blank_nlp, rules, text, figure), expected)


@pytest.mark.model
@pytest.mark.parametrize("text, figure, expected", MORE_SOURCES + [
    # a verb in a clause of its own does not report the rest of the sentence
    ("When the survey asked about all four candidates, Vale led with 42 percent.", "42 percent",
     {"speaker": None}),
    ("Under Mrs. Vale's plan, taxpayers reporting gains held for a year would pay a rate as high as 39.6 percent.",
     "39.6 percent", {"speaker": "Vale", "cue": "plan"}),
])
def test_estimates_plans_ratings_and_questions_with_the_parse(model_nlp, rules, text, figure, expected):
    check(claim_for(model_nlp, rules, text, figure), expected)


PARTICLES_AND_QUOTES = [
    # a verb that needs a particle finds it past "it", a determiner or an adverb
    ("Dahl made it clear he had misgivings about the 300 new officers.", "300 new officers",
     {"speaker": "Dahl", "cue": "made"}),
    ("Vale spoke emotionally of her flights over the 40 bridges of the city.", "40 bridges",
     {"speaker": "Vale", "cue": "spoke"}),
    ("Dahl made 300 calls.", "300 calls", {"speaker": None}),
    # "call" reports before a quotation in its clause, not "called 12 people"
    ("Pepper called the ruling a \"huge win for 300 voters.\"", "300 voters", {"speaker": "Pepper", "cue": "called"}),
    ("Police called 12 people to the station.", "12 people", {"speaker": None}),
]


@pytest.mark.parametrize("text, figure, expected", PARTICLES_AND_QUOTES)
def test_particles_and_quotations(blank_nlp, rules, text, figure, expected):
    check(claim_for(blank_nlp, rules, text, figure), expected)


@pytest.mark.model
@pytest.mark.parametrize("text, figure, expected", PARTICLES_AND_QUOTES + [
    ("Okafor tried on Tuesday to make the case that the firings amounted to 1 percent of the staff.", "1 percent",
     {"speaker": "Okafor", "cue": "make"}),
    # a statement's issuer speaks through the participle after it
    ("The council issued a statement calling the test “a clear violation” of five council resolutions.",
     "five council resolutions", {"speaker": "council", "cue": "calling"}),
    # the outer speaker of "pointed to reports that X called ..."
    ("In the debate, Vale pointed to reports that Okafor called the 1996 winner “Miss Piggy” as an example.", "1996",
     {"speaker": "Vale", "cue": "pointed"}),
])
def test_particles_and_quotations_with_the_parse(model_nlp, rules, text, figure, expected):
    check(claim_for(model_nlp, rules, text, figure, kind="date" if figure == "1996" else "quantity"), expected)


def test_a_quotation_ending_in_a_quote_within_it_keeps_the_cue_after_it(blank_nlp, rules):
    text = ("Dahl spoke first.\n\n“Leaders honored Vale for what they called ‘the deal of 2019,’” the article "
            "read.")
    check(claim_for(blank_nlp, rules, text, "2019", kind="date"), {"speaker": "article", "cue": "read"})


@pytest.mark.model
@pytest.mark.parametrize("text, figure, expected", [
    # "claim" with a plain object is a tax or a toll, not a claim: the outer speaker reports it
    ("The Ledger on Saturday wrote that Okafor had claimed a loss of $916 million.", "$916 million",
     {"speaker": "Ledger", "cue": "wrote"}),
    ("Okafor claimed responsibility for the attack that killed 30 people.", "30 people", {"speaker": None}),
    ("Okafor claimed 300 people had died.", "300 people", {"speaker": "Okafor", "cue": "claimed"}),
])
def test_a_plain_object_of_claim_is_no_report(model_nlp, rules, text, figure, expected):
    check(claim_for(model_nlp, rules, text, figure), expected)


@pytest.mark.model
@pytest.mark.parametrize("text, figure, expected", [
    # "with X showing ...": the participle has a speaker of its own
    ("Average polls show Vale ahead, with the Ledger showing her ahead by 3 points.", "3 points",
     {"speaker": "Ledger", "cue": "showing"}),
    # "who" after a noun and a phrase of place stands for the noun
    ("Dahl knows there are people all over this country who think the tax rose 20 percent.", "20 percent",
     {"speaker": "people", "cue": "think"}),
    ("Vale broke with her old allies, who said the 2015 deal still held.", "2015",
     {"speaker": "her old allies", "cue": "said"}),
])
def test_participles_with_their_own_subject_and_relative_who(model_nlp, rules, text, figure, expected):
    check(claim_for(model_nlp, rules, text, figure, kind="date" if figure == "2015" else "quantity"), expected)


TURNS_AND_SIGNATURES = [
    # a transcript turn is the outermost report of what is said in it, whatever verb its sentence holds
    ("MORALES: As the Ledger wrote, it shows 2 concerns about the mayor.", "2 concerns",
     {"speaker": "Morales", "cue": ":"}),
    ("MORALES: Dahl said we hired 120 new teachers.", "120 new teachers", {"speaker": "Morales", "cue": ":"}),
    # a paragraph opened by a closing mark still opens a quotation, here a signed one
    ("”The mayor’s plan confirms he will close 8 schools.” ― Nora Lindqvist", "8 schools",
     {"speaker": "Nora Lindqvist", "cue": "―"}),
    # what someone wants to do with a figure is their figure, expected
    ("Vale wants to sign up 5 million volunteers.", "5 million volunteers",
     {"speaker": "Vale", "cue": "wants", "status": "expected"}),
    ("The volunteers wanted 5 million meals.", "5 million meals", {"speaker": None}),
]


@pytest.mark.parametrize("text, figure, expected", TURNS_AND_SIGNATURES)
def test_turns_signatures_and_wants(blank_nlp, rules, text, figure, expected):
    check(claim_for(blank_nlp, rules, text, figure), expected)


@pytest.mark.model
@pytest.mark.parametrize("text, figure, expected", TURNS_AND_SIGNATURES)
def test_turns_signatures_and_wants_with_the_parse(model_nlp, rules, text, figure, expected):
    check(claim_for(model_nlp, rules, text, figure), expected)


@pytest.mark.parametrize("text, figure, expected", [
    # two apostrophes for a double quote mark, as newswire archives write them
    ("Dahl said: ''We counted 300 buses near the river.''", "300 buses", {"speaker": "Dahl", "cue": "said"}),
    # a document right before the colon speaks for the quotation (the verb inside is the document's words)
    ("The gap shows in this finding: ''27 firms reported 410 offshore units.''", "410 offshore units",
     {"speaker": "finding", "cue": ":"}),
    ("''About 40 clinics will close,'' Vale wrote on Monday.", "40 clinics", {"speaker": "Vale", "cue": "wrote"}),
])
def test_two_apostrophes_make_a_quotation(blank_nlp, rules, text, figure, expected):
    check(claim_for(blank_nlp, rules, text, figure), expected)


@pytest.mark.model
@pytest.mark.parametrize("text, figure, expected", [
    # a speaker noun owns the noun of saying after it (with the parse: without it, "media" may be an adjective);
    # the word opening the sentence is no part of it
    ("Despite media pronouncements that Vale won 3 debates, she trailed.", "3 debates",
     {"speaker": "media", "cue": "pronouncements"}),
    # "Based on ..." opening a sentence names no one a later "he" could stand for
    ("Based on a report by the Ledger, Okafor said he wants to cut 4 taxes.", "4 taxes",
     {"speaker": "Okafor", "cue": "said"}),
])
def test_owners_and_sentence_openers(model_nlp, rules, text, figure, expected):
    check(claim_for(model_nlp, rules, text, figure), expected)


ESTIMATES_AND_ASIDES = [
    # an estimate stated as a figure: "puts the figure at", past a noun or two before "at"
    ("The Marlow Institute puts the figure at $498 billion, assuming no change in output.", "$498 billion",
     {"speaker": "Marlow Institute", "cue": "puts"}),
    ("Officials put the death toll at 300 on Sunday.", "300", {"speaker": "officials", "cue": "put"}),
    ("Crews put 300 sandbags at the gate.", "300 sandbags", {"speaker": None}),
    # two estimates after a semicolon are two speakers
    ("The Marlow Center estimates that the plan would raise $1.1 trillion over a decade; the Harbor Institute "
     "puts the figure at $498 billion.", "$1.1 trillion", {"speaker": "Marlow Center", "cue": "estimates"}),
    # a participle of saying owned by a possessive, right before the figure, is the owner's word for it
    ("Only five members spend more than the alliance's recommended 2 percent of output on defence.", "2 percent",
     {"speaker": "alliance", "cue": "recommended"}),
    ("The ministry's estimated 3,000 dead were buried on Friday.", "3,000 dead",
     {"speaker": "ministry", "cue": "estimated"}),
    ("The council's 300 staff voted on Friday.", "300 staff", {"speaker": None}),
    # a decision owned by someone is theirs, as a plan is: what it is to do is expected
    ("President Vale's decision to send 3,000 troops in 2011 drew support.", "3,000 troops",
     {"speaker": "Vale", "cue": "decision", "status": "expected"}),
    ("The decision to send 3,000 troops drew support.", "3,000 troops", {"speaker": None}),
    # a verb that reports only before a quotation: "She continued, “...”"
    ("Maria Lind spoke at the rally. She continued, “For us, the 300 families are asking for a hearing.”",
     "300 families", {"speaker": "Maria Lind", "cue": "continued"}),
    ("The fighting continued, and 300 people fled the town.", "300 people", {"speaker": None}),
    ("The clinic referred 3 patients to the hospital.", "3 patients", {"speaker": None}),
    # a document right before a colon speaks for the quotation; a verb there is the verb's subject's
    ("The problem is plain from this finding: “12 firms reported 900 offshore units to the regulator.”",
     "900 offshore units", {"speaker": "finding", "cue": ":"}),
    ("Ann Vale reports: “Some 900 offshore units were sold.”", "900 offshore units",
     {"speaker": "Ann Vale", "cue": "reports"}),
]


@pytest.mark.parametrize("text, figure, expected", ESTIMATES_AND_ASIDES)
def test_estimates_owned_figures_and_asides(blank_nlp, rules, text, figure, expected):
    check(claim_for(blank_nlp, rules, text, figure), expected)


@pytest.mark.model
@pytest.mark.parametrize("text, figure, expected", ESTIMATES_AND_ASIDES + [
    # a figure an owner's estimate is raised or cut to (or by) is the owner's; "its" goes to the verb's subject
    ("The health ministry raised its estimate of the dead to 3,000 on Sunday.", "3,000",
     {"speaker": "health ministry", "cue": "estimate"}),
    ("The Harbor Fund had warned that the vote could slow growth. But on Tuesday, it increased its growth "
     "forecast by 0.1 percentage points to 1.8 percent.", "1.8 percent",
     {"speaker": "Harbor Fund", "cue": "forecast", "status": "expected"}),
    ("The bank raised its rates to 5 percent.", "5 percent", {"speaker": None}),
    # a participle after the cue keeps the cue's speaker between two parts of a quotation (the blank pipeline
    # takes the quotation after it for the report's opening)
    ("“Every time you say that,” Perry said, referring to the 1 percent rule, “you lose the room.”", "1 percent",
     {"speaker": "Perry", "cue": "referring"}),
    # a document verb the tagger reads as a noun, in a clause after "after"; a relative "that" later is no opener
    ("The gap has grown after leaked documents from her 2001 audit show she took a $40 million loss that she "
     "may have used.", "$40 million", {"speaker": "documents from her 2001 audit", "cue": "show"}),
    ("The gap grew after leaked documents from her 2001 tax return show she took a massive $40 million loss that "
     "she may have used to avoid taxes, perhaps for as long as 9 years.", "$40 million",
     {"speaker": "documents from her 2001 tax return", "cue": "show"}),
    # who puts out a document that shows the claim speaks for it; "released 300 prisoners" says nothing
    ("The agency released a report on Monday that showed 40 percent of wells were dry.", "40 percent",
     {"speaker": "agency", "cue": "released"}),
    ("On Sunday, the Ledger published portions of her 2001 tax returns that showed she lost nearly $916 million "
     "in a single year.", "nearly $916 million", {"speaker": "Ledger", "cue": "published"}),
    ("The army released 300 prisoners on Friday.", "300 prisoners", {"speaker": None}),
    # the particle a verb needs may come past a phrase of its frame, not past its object
    ("The mayor called on Monday for 300 more officers.", "300 more officers", {"speaker": "mayor", "cue": "called"}),
    ("The guard pointed the gun to the sky and fired 3 shots.", "3 shots", {"speaker": None}),
    # a strict verb reports its "that" clause wherever the parse finds it
    ("Many residents have heard by now that 30 wells ran dry each week.", "30 wells",
     {"speaker": "many residents", "cue": "heard"}),
    # the parse makes the claim's phrase the subject of a sentence-final attribution after a long quotation
    ("Vale spoke on Monday. The four “loopholes” he cited are “the ability to use farm losses to offset other "
     "income, to claim losses on investments beyond what was invested, to avoid taxes on land that was sold and "
     "to combine breaks on loan interest while taking deductions if the land depreciates,” The Ledger reported.",
     "four “loopholes", {"speaker": "Ledger", "cue": "reported"}),
])
def test_estimates_owned_figures_and_asides_with_the_parse(model_nlp, rules, text, figure, expected):
    check(claim_for(model_nlp, rules, text, figure), expected)


@pytest.mark.model
@pytest.mark.parametrize("text, figure, occurrence", [
    # a place in the speaker's own description, after the parse's only subject, is no report of the verb
    ("Lon Dahl, another retired Victoria reporter who knew the father from their days working in Victoria, said "
     "he met the children.", "Victoria", 1),
    # a verb in a relative clause on the subject (or in a clause within it) reports nothing of the main clause
    # after it
    ("The 15-year veteran, who learned the day before that he had made the rank of detective, was patrolling in "
     "Hawaiian Gardens near 223rd Street when he spotted a car.", "Hawaiian Gardens", 0),
    ("Dahl, who claimed she ignored a request for a screen test in 1955 because she did not want to sleep with "
     "him, also studied acting at the Sea Cliff Theater on Long Island.", "Long Island", 0),
])
def test_places_outside_what_is_said(model_nlp, rules, text, figure, occurrence):
    check(claim_for(model_nlp, rules, text, figure, occurrence, kind="place"), {"speaker": None})


CLOSING_SOURCES = [
    # ", according to Y." closing a sentence reports all of it: Y speaks, the verb's subject passes it on
    ("Police have said they have no plans to release two recordings of the stop, according to lawyers for the "
     "family.", "two recordings", {"speaker": "lawyers", "cue": "according to", "via": "police"}),
    # an outlet there passes the words on; inside a quotation the quoted person keeps them
    ("Zelensky said 3,000 troops arrived, according to Reuters.", "3,000 troops",
     {"speaker": "Volodymyr Zelensky", "cue": "said", "via": "Reuters"}),
    ("Officials estimated the fire caused $1 million in damage, according to the Harbor Times News Group.",
     "$1 million", {"speaker": "officials", "cue": "estimated"}),
    ("“Did you meet them in June of 2017?” Vale planned to ask, according to the list of questions.", "June of 2017",
     {"speaker": "Vale", "cue": "ask"}),
]


@pytest.mark.parametrize("text, figure, expected", CLOSING_SOURCES)
def test_a_closing_source_reports_the_sentence(blank_nlp, rules, text, figure, expected):
    kind = "date" if "June" in figure else "quantity"
    check(claim_for(blank_nlp, rules, text, figure, kind=kind), expected)


@pytest.mark.model
@pytest.mark.parametrize("text, figure, expected", CLOSING_SOURCES)
def test_a_closing_source_reports_the_sentence_with_the_parse(model_nlp, rules, text, figure, expected):
    kind = "date" if "June" in figure else "quantity"
    check(claim_for(model_nlp, rules, text, figure, kind=kind), expected)


DESCRIPTIONS_AND_THE_WRITER = [
    # the object of a participle that describes the sentence's subject is who they are, not what they say: the
    # plan that frames the sentence speaks
    ("Under Mayor Dahl's plan, drivers reporting mileage driven for three to four years would pay a 12 percent "
     "fee.", "three to four years", "duration", {"speaker": "Dahl", "cue": "plan"}),
    # one relative clause of a noun says nothing of the next one, past a comma
    ("Vale knows there are voters across the state who talk in these plain terms of right and wrong, who live in a "
     "bitter mood that fills them with anger about having seen a rival win two terms, and who feel ignored.",
     "two terms", "quantity", {"speaker": None}),
    # what the writer's own "I" hopes is the outlet's voice, whatever verb the parse hangs it on
    ('I hope in 2030 the county says, "Thank you, nurses."', "2030", "date", {"speaker": None}),
    ('She did nothing wrong. I hope in 2030 Ardia says, "Mayor Dahl, thank you for your service."', "2030", "date",
     {"speaker": None}),
    # an age in apposition to the speaker describes the speaker: nobody asserts it; what follows "said" is hers
    ("Anna Berg, 45, said the strike lasted 10 hours.", "45", "age", {"speaker": None}),
    ("Anna Berg, a 45-year-old nurse, said the strike lasted 10 hours.", "45-year-old", "age", {"speaker": None}),
    ("Anna Berg, a 45-year-old nurse, said the strike lasted 10 hours.", "10 hours", "duration",
     {"speaker": "Anna Berg", "cue": "said"}),
    # an age inside what is said is the speaker's
    ("The 24-year-old gunman was arrested on Friday, police said.", "24-year-old", "age",
     {"speaker": "police", "cue": "said"}),
]


@pytest.mark.model
@pytest.mark.parametrize("text, figure, kind, expected", DESCRIPTIONS_AND_THE_WRITER)
def test_descriptions_other_clauses_and_the_writer(model_nlp, rules, text, figure, kind, expected):
    check(claim_for(model_nlp, rules, text, figure, kind=kind), expected)


@pytest.mark.parametrize("text, figure, kind, expected", [
    row for row in DESCRIPTIONS_AND_THE_WRITER if row[2] == "age"])
def test_ages_of_the_speaker_and_in_what_is_said_without_the_parse(blank_nlp, rules, text, figure, kind, expected):
    check(claim_for(blank_nlp, rules, text, figure, kind=kind), expected)


CITING = [
    # what "citing" names is the citer's word: a reason or a detail of the sources cited ...
    ("The council closed the road, citing 40 accidents.", "40 accidents", {"speaker": "council", "cue": "citing"}),
    ("Citing 40 accidents, the council closed the road.", "40 accidents", {"speaker": "council", "cue": "citing"}),
    ("The Ledger reported that jobs were lost, citing two officials at the 2019 hearing.", "2019",
     {"speaker": "Ledger", "cue": "citing"}),
    # ... while the report itself is the cited sources', the citer passing it on, also between commas
    ("Maariv reported, citing two officials, that 40 drones were shot down.", "40 drones",
     {"speaker": "two officials", "via": "Maariv"}),
    # an attribution after the citing phrase reports all of it
    ("The council closed the road, citing 40 accidents, officials said.", "40 accidents",
     {"speaker": "officials", "cue": "said"}),
    # no citing, no speaker
    ("The council closed the road after 40 accidents.", "40 accidents", {"speaker": None}),
]


@pytest.mark.model
@pytest.mark.parametrize("text, figure, expected", CITING + [
    # (without the parse the subject before the commas is not found as the relay)
    ("The Ledger, citing two officials, reported that 300 jobs were lost.", "300 jobs",
     {"speaker": "two officials", "via": "Ledger"}),
    ("The union endorsed Vale on Monday, citing her work after the 2019 floods.", "2019",
     {"speaker": "union", "cue": "citing"}),
])
def test_what_citing_names_with_the_parse(model_nlp, rules, text, figure, expected):
    check(claim_for(model_nlp, rules, text, figure), expected)


@pytest.mark.parametrize("text, figure, expected", CITING)
def test_what_citing_names(blank_nlp, rules, text, figure, expected):
    check(claim_for(blank_nlp, rules, text, figure), expected)
