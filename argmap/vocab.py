"""The argmap ontology's terms as code.

:class:`AM` lists every class, datatype, property and individual that
``ontology/argmap.ttl`` declares in the ``am:`` namespace, and nothing else; a
misspelled term (``AM.Claimm``) raises ``AttributeError`` at the point of use
instead of silently minting an IRI that no query will ever match.
``tests/test_vocab.py`` checks that this list and the ontology file declare
the same terms.
"""

from __future__ import annotations

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef

from .namespace import NAMESPACE, ONTOLOGY_IRI, VERSION_IRI

__all__ = ["AM", "NAMESPACE", "ONTOLOGY_IRI", "VERSION_IRI"]


class AM(DefinedNamespace):
    """argmap's vocabulary, namespace ``https://w3id.org/argmap#``."""

    _fail = True

    # classes
    ArgumentMap: URIRef
    Source: URIRef
    Quote: URIRef
    Claim: URIRef
    Argument: URIRef
    FactualClaim: URIRef
    PredictiveClaim: URIRef
    EvaluativeClaim: URIRef
    PolicyClaim: URIRef
    Relation: URIRef
    Support: URIRef
    Attack: URIRef
    Undercut: URIRef
    ArgumentationScheme: URIRef
    CriticalQuestion: URIRef
    QuestionStatus: URIRef
    AnsweredQuestion: URIRef
    OpenQuestion: URIRef
    Semantics: URIRef
    GradualSemantics: URIRef
    ExtensionSemantics: URIRef
    Evaluation: URIRef

    # datatypes
    UnitInterval: URIRef
    AcceptanceLabel: URIRef

    # object properties
    mainThesis: URIRef
    source: URIRef
    quote: URIRef
    quoteOf: URIRef
    inSource: URIRef
    attributedTo: URIRef
    premise: URIRef
    rephrases: URIRef
    premiseOf: URIRef
    target: URIRef
    targetOf: URIRef
    scheme: URIRef
    criticalQuestion: URIRef
    questionOf: URIRef
    questionStatus: URIRef
    statusOf: URIRef
    question: URIRef
    answeredBy: URIRef
    answers: URIRef
    evaluates: URIRef
    evaluation: URIRef
    semantics: URIRef

    # datatype properties
    exact: URIRef
    start: URIRef
    end: URIRef
    text: URIRef
    baseScore: URIRef
    baseScoreRationale: URIRef
    weight: URIRef
    questionText: URIRef
    value: URIRef
    acceptance: URIRef
    computedAt: URIRef

    # argumentation schemes (individuals of ArgumentationScheme)
    ExpertOpinion: URIRef
    PositionToKnow: URIRef
    Analogy: URIRef
    CauseToEffect: URIRef
    PositiveConsequences: URIRef
    NegativeConsequences: URIRef
    PracticalReasoning: URIRef
    Sign: URIRef
    Example: URIRef
    EstablishedRule: URIRef
    Commitment: URIRef
    PopularOpinion: URIRef
    PastBehaviour: URIRef

    # critical questions (individuals of CriticalQuestion), numbered per scheme
    ExpertOpinionCQ1: URIRef
    ExpertOpinionCQ2: URIRef
    ExpertOpinionCQ3: URIRef
    ExpertOpinionCQ4: URIRef
    ExpertOpinionCQ5: URIRef
    ExpertOpinionCQ6: URIRef
    PositionToKnowCQ1: URIRef
    PositionToKnowCQ2: URIRef
    PositionToKnowCQ3: URIRef
    AnalogyCQ1: URIRef
    AnalogyCQ2: URIRef
    AnalogyCQ3: URIRef
    CauseToEffectCQ1: URIRef
    CauseToEffectCQ2: URIRef
    CauseToEffectCQ3: URIRef
    PositiveConsequencesCQ1: URIRef
    PositiveConsequencesCQ2: URIRef
    PositiveConsequencesCQ3: URIRef
    NegativeConsequencesCQ1: URIRef
    NegativeConsequencesCQ2: URIRef
    NegativeConsequencesCQ3: URIRef
    PracticalReasoningCQ1: URIRef
    PracticalReasoningCQ2: URIRef
    PracticalReasoningCQ3: URIRef
    PracticalReasoningCQ4: URIRef
    PracticalReasoningCQ5: URIRef
    SignCQ1: URIRef
    SignCQ2: URIRef
    ExampleCQ1: URIRef
    ExampleCQ2: URIRef
    ExampleCQ3: URIRef
    ExampleCQ4: URIRef
    ExampleCQ5: URIRef
    EstablishedRuleCQ1: URIRef
    EstablishedRuleCQ2: URIRef
    EstablishedRuleCQ3: URIRef
    CommitmentCQ1: URIRef
    CommitmentCQ2: URIRef
    PopularOpinionCQ1: URIRef
    PopularOpinionCQ2: URIRef
    PastBehaviourCQ1: URIRef
    PastBehaviourCQ2: URIRef
    PastBehaviourCQ3: URIRef

    # semantics (individuals of GradualSemantics and ExtensionSemantics)
    DFQuAD: URIRef
    QuadraticEnergy: URIRef
    EulerBased: URIRef
    HCategorizer: URIRef
    Grounded: URIRef
    Complete: URIRef
    Preferred: URIRef
    Stable: URIRef
    SemiStable: URIRef
    Stage: URIRef
    Ideal: URIRef

    _NS = Namespace(NAMESPACE)
