"""The pure parts of federated search: query checks, masks, quantization, k-anonymity,
and the requester's checks of a peer's answer."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from talentverbund.node.federation.answering import (
    MIN_SKILLS,
    availability_bucket,
    check_query,
    facts_fingerprint,
    generalize,
    mask_bits,
    quantize,
    quasi_identifiers,
    skill_mask,
)
from talentverbund.node.federation.errors import Rejection
from talentverbund.node.federation.searching import answer_problem
from talentverbund.protocol.v1 import federation_pb2 as pb

URIS = [f"http://data.europa.eu/esco/skill/{i:04d}" for i in range(12)]


def _query(n: int = 4, essential: bool = True, **facts: object) -> pb.SearchQuery:
    return pb.SearchQuery(
        query_id="q1",
        skills=[pb.SkillWeight(uri=u, weight=1.0, essential=essential) for u in URIS[:n]],
        facts=pb.JobFacts(**facts),  # type: ignore[arg-type]
        top_k=10,
    )


def _known(uri: str) -> bool:
    return uri in URIS


def test_a_real_query_passes() -> None:
    check_query(_query(region="DE-SH", employment_types=["full_time"]), _known)


@pytest.mark.parametrize(
    ("query", "reason"),
    [
        (_query(n=MIN_SKILLS - 1), "query_too_vague"),
        (_query(essential=False), "query_too_vague"),
        (_query(region="Bayern"), "bad_query"),
        (_query(employment_types=["weekends"]), "bad_query"),
        (_query(start_date="next week"), "bad_query"),
        (pb.SearchQuery(query_id="", skills=_query().skills), "bad_query"),
    ],
)
def test_malformed_and_vague_queries_are_refused(query: pb.SearchQuery, reason: str) -> None:
    with pytest.raises(Rejection) as refused:
        check_query(query, _known)
    assert refused.value.reason == reason
    assert refused.value.public  # a message the requesting operator can act on


def test_unknown_and_duplicate_skills_and_bad_weights_are_refused() -> None:
    unknown = _query()
    unknown.skills.append(pb.SkillWeight(uri="http://example.org/probe", weight=1, essential=True))
    twice = _query()
    twice.skills.append(pb.SkillWeight(uri=URIS[0], weight=1, essential=True))
    heavy = _query()
    heavy.skills[0].weight = 3.0
    for query in (unknown, twice, heavy):
        with pytest.raises(Rejection) as refused:
            check_query(query, _known)
        assert refused.value.status == "INVALID_ARGUMENT"


@given(st.lists(st.booleans(), min_size=1, max_size=64))
def test_skill_mask_round_trips(bits: list[bool]) -> None:
    uris = [f"u{i}" for i in range(len(bits))]
    matched = {u for u, bit in zip(uris, bits, strict=True) if bit}
    mask = skill_mask(uris, matched)
    assert len(mask) == (len(uris) + 7) // 8
    assert mask_bits(mask, len(uris)) == [i for i, bit in enumerate(bits) if bit]


def test_mask_bit_order_is_least_significant_first() -> None:
    assert skill_mask(["a", "b", "c", "d", "e", "f", "g", "h", "i"], {"a", "i"}) == b"\x01\x01"


@given(st.floats(min_value=-1, max_value=2, allow_nan=False))
def test_scores_are_quantized_to_steps_of_five(score: float) -> None:
    q = quantize(score)
    assert 0 <= q <= 100 and q % 5 == 0


def test_availability_buckets() -> None:
    today = date(2026, 11, 23)
    assert availability_bucket(None, today) == "now"
    assert availability_bucket(date(2026, 12, 1), today) == "3m"
    assert availability_bucket(date(2027, 4, 1), today) == "6m"
    assert availability_bucket(date(2028, 1, 1), today) == "later"


def test_generalize_withholds_rare_combinations() -> None:
    now = datetime(2026, 11, 23, tzinfo=UTC)
    common = quasi_identifiers(["01002"], 4, None, now)
    assert common == ("DE-SH", "3-5", "now")
    groups: Counter[tuple[str, ...]] = Counter()
    for q, count in ((common, 6), (("DE-SH", "3-5", "later"), 1), (("DE-BY", ">10", "now"), 2)):
        for level in range(4):
            groups[q[:level]] += count
    assert generalize(common, groups, 5) == common
    assert generalize(("DE-SH", "3-5", "later"), groups, 5) == ("DE-SH", "3-5", "")
    assert generalize(("DE-BY", ">10", "now"), groups, 5) == ("", "", "")
    assert generalize(("DE-BY", ">10", "now"), groups, 2) == ("DE-BY", ">10", "now")


def test_facts_fingerprint_ignores_title_and_order() -> None:
    a = pb.JobFacts(title="A", region="DE-SH", licences=["B", "C"])
    b = pb.JobFacts(title="B", region="DE-SH", licences=["C", "B"])
    assert facts_fingerprint(a) == facts_fingerprint(b)
    assert facts_fingerprint(a) != facts_fingerprint(pb.JobFacts(region="DE-HH"))


# -- the requester's checks of an answer ---------------------------------------------------


def _answer(*results: pb.SearchResult, query_id: str = "q1") -> pb.SearchResults:
    return pb.SearchResults(query_id=query_id, results=list(results))


def _result(pseudonym: str = "pa", **fields: object) -> pb.SearchResult:
    values: dict[str, object] = {"score": 50, "matched_mask": b"\x03", "experience_band": "3-5"}
    values.update(fields)
    return pb.SearchResult(pseudonym=pseudonym, **values)  # type: ignore[arg-type]


def test_a_good_answer_passes() -> None:
    assert answer_problem(_answer(_result("pa"), _result("pb")), _query()) == ""


@pytest.mark.parametrize(
    ("answer", "problem"),
    [
        (_answer(_result(), query_id="q2"), "another query"),
        (_answer(*[_result(f"p{i}") for i in range(11)]), "were asked for"),
        (_answer(_result("pa"), _result("pa")), "duplicated"),
        (_answer(_result("")), "missing"),
        (_answer(_result(score=101)), "out of range"),
        (_answer(_result(matched_mask=b"\x01\x02")), "out of range"),
        (_answer(_result(experience_band="senior")), "vocabulary"),
        (_answer(_result(availability="soon")), "vocabulary"),
    ],
)
def test_bad_answers_are_named_and_dropped(answer: pb.SearchResults, problem: str) -> None:
    assert problem in answer_problem(answer, _query())
