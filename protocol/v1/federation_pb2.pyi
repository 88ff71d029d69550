from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Envelope(_message.Message):
    __slots__ = ("header", "enc", "ciphertext", "signature")
    HEADER_FIELD_NUMBER: _ClassVar[int]
    ENC_FIELD_NUMBER: _ClassVar[int]
    CIPHERTEXT_FIELD_NUMBER: _ClassVar[int]
    SIGNATURE_FIELD_NUMBER: _ClassVar[int]
    header: bytes
    enc: bytes
    ciphertext: bytes
    signature: bytes
    def __init__(self, header: _Optional[bytes] = ..., enc: _Optional[bytes] = ..., ciphertext: _Optional[bytes] = ..., signature: _Optional[bytes] = ...) -> None: ...

class RelayRequest(_message.Message):
    __slots__ = ("rpc", "envelope")
    RPC_FIELD_NUMBER: _ClassVar[int]
    ENVELOPE_FIELD_NUMBER: _ClassVar[int]
    rpc: str
    envelope: Envelope
    def __init__(self, rpc: _Optional[str] = ..., envelope: _Optional[_Union[Envelope, _Mapping]] = ...) -> None: ...

class Receipt(_message.Message):
    __slots__ = ("envelope_sha256", "log_index", "log_entry_hash", "received_at_ms", "status", "receiver", "receiver_kid", "signature")
    ENVELOPE_SHA256_FIELD_NUMBER: _ClassVar[int]
    LOG_INDEX_FIELD_NUMBER: _ClassVar[int]
    LOG_ENTRY_HASH_FIELD_NUMBER: _ClassVar[int]
    RECEIVED_AT_MS_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    RECEIVER_FIELD_NUMBER: _ClassVar[int]
    RECEIVER_KID_FIELD_NUMBER: _ClassVar[int]
    SIGNATURE_FIELD_NUMBER: _ClassVar[int]
    envelope_sha256: str
    log_index: int
    log_entry_hash: str
    received_at_ms: int
    status: str
    receiver: str
    receiver_kid: str
    signature: bytes
    def __init__(self, envelope_sha256: _Optional[str] = ..., log_index: _Optional[int] = ..., log_entry_hash: _Optional[str] = ..., received_at_ms: _Optional[int] = ..., status: _Optional[str] = ..., receiver: _Optional[str] = ..., receiver_kid: _Optional[str] = ..., signature: _Optional[bytes] = ...) -> None: ...

class Rejection(_message.Message):
    __slots__ = ("code", "message", "retry_after_ms")
    CODE_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    RETRY_AFTER_MS_FIELD_NUMBER: _ClassVar[int]
    code: str
    message: str
    retry_after_ms: int
    def __init__(self, code: _Optional[str] = ..., message: _Optional[str] = ..., retry_after_ms: _Optional[int] = ...) -> None: ...

class Handshake(_message.Message):
    __slots__ = ("node_id", "protocol_versions", "model_id", "descriptor_sequence", "time_ms")
    NODE_ID_FIELD_NUMBER: _ClassVar[int]
    PROTOCOL_VERSIONS_FIELD_NUMBER: _ClassVar[int]
    MODEL_ID_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTOR_SEQUENCE_FIELD_NUMBER: _ClassVar[int]
    TIME_MS_FIELD_NUMBER: _ClassVar[int]
    node_id: str
    protocol_versions: _containers.RepeatedScalarFieldContainer[int]
    model_id: str
    descriptor_sequence: int
    time_ms: int
    def __init__(self, node_id: _Optional[str] = ..., protocol_versions: _Optional[_Iterable[int]] = ..., model_id: _Optional[str] = ..., descriptor_sequence: _Optional[int] = ..., time_ms: _Optional[int] = ...) -> None: ...

class HandshakeReply(_message.Message):
    __slots__ = ("node_id", "protocol_versions", "model_id", "descriptor_sequence", "time_ms", "receipt")
    NODE_ID_FIELD_NUMBER: _ClassVar[int]
    PROTOCOL_VERSIONS_FIELD_NUMBER: _ClassVar[int]
    MODEL_ID_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTOR_SEQUENCE_FIELD_NUMBER: _ClassVar[int]
    TIME_MS_FIELD_NUMBER: _ClassVar[int]
    RECEIPT_FIELD_NUMBER: _ClassVar[int]
    node_id: str
    protocol_versions: _containers.RepeatedScalarFieldContainer[int]
    model_id: str
    descriptor_sequence: int
    time_ms: int
    receipt: Receipt
    def __init__(self, node_id: _Optional[str] = ..., protocol_versions: _Optional[_Iterable[int]] = ..., model_id: _Optional[str] = ..., descriptor_sequence: _Optional[int] = ..., time_ms: _Optional[int] = ..., receipt: _Optional[_Union[Receipt, _Mapping]] = ...) -> None: ...

class SkillWeight(_message.Message):
    __slots__ = ("uri", "weight", "essential")
    URI_FIELD_NUMBER: _ClassVar[int]
    WEIGHT_FIELD_NUMBER: _ClassVar[int]
    ESSENTIAL_FIELD_NUMBER: _ClassVar[int]
    uri: str
    weight: float
    essential: bool
    def __init__(self, uri: _Optional[str] = ..., weight: _Optional[float] = ..., essential: _Optional[bool] = ...) -> None: ...

class JobFacts(_message.Message):
    __slots__ = ("title", "region", "employment_types", "licences", "qualifications", "start_date")
    TITLE_FIELD_NUMBER: _ClassVar[int]
    REGION_FIELD_NUMBER: _ClassVar[int]
    EMPLOYMENT_TYPES_FIELD_NUMBER: _ClassVar[int]
    LICENCES_FIELD_NUMBER: _ClassVar[int]
    QUALIFICATIONS_FIELD_NUMBER: _ClassVar[int]
    START_DATE_FIELD_NUMBER: _ClassVar[int]
    title: str
    region: str
    employment_types: _containers.RepeatedScalarFieldContainer[str]
    licences: _containers.RepeatedScalarFieldContainer[str]
    qualifications: _containers.RepeatedScalarFieldContainer[str]
    start_date: str
    def __init__(self, title: _Optional[str] = ..., region: _Optional[str] = ..., employment_types: _Optional[_Iterable[str]] = ..., licences: _Optional[_Iterable[str]] = ..., qualifications: _Optional[_Iterable[str]] = ..., start_date: _Optional[str] = ...) -> None: ...

class SearchQuery(_message.Message):
    __slots__ = ("query_id", "skills", "facts", "top_k")
    QUERY_ID_FIELD_NUMBER: _ClassVar[int]
    SKILLS_FIELD_NUMBER: _ClassVar[int]
    FACTS_FIELD_NUMBER: _ClassVar[int]
    TOP_K_FIELD_NUMBER: _ClassVar[int]
    query_id: str
    skills: _containers.RepeatedCompositeFieldContainer[SkillWeight]
    facts: JobFacts
    top_k: int
    def __init__(self, query_id: _Optional[str] = ..., skills: _Optional[_Iterable[_Union[SkillWeight, _Mapping]]] = ..., facts: _Optional[_Union[JobFacts, _Mapping]] = ..., top_k: _Optional[int] = ...) -> None: ...

class SearchResult(_message.Message):
    __slots__ = ("pseudonym", "score", "matched_mask", "region", "experience_band", "availability")
    PSEUDONYM_FIELD_NUMBER: _ClassVar[int]
    SCORE_FIELD_NUMBER: _ClassVar[int]
    MATCHED_MASK_FIELD_NUMBER: _ClassVar[int]
    REGION_FIELD_NUMBER: _ClassVar[int]
    EXPERIENCE_BAND_FIELD_NUMBER: _ClassVar[int]
    AVAILABILITY_FIELD_NUMBER: _ClassVar[int]
    pseudonym: str
    score: int
    matched_mask: bytes
    region: str
    experience_band: str
    availability: str
    def __init__(self, pseudonym: _Optional[str] = ..., score: _Optional[int] = ..., matched_mask: _Optional[bytes] = ..., region: _Optional[str] = ..., experience_band: _Optional[str] = ..., availability: _Optional[str] = ...) -> None: ...

class SearchResults(_message.Message):
    __slots__ = ("query_id", "results", "from_cache", "receipt")
    QUERY_ID_FIELD_NUMBER: _ClassVar[int]
    RESULTS_FIELD_NUMBER: _ClassVar[int]
    FROM_CACHE_FIELD_NUMBER: _ClassVar[int]
    RECEIPT_FIELD_NUMBER: _ClassVar[int]
    query_id: str
    results: _containers.RepeatedCompositeFieldContainer[SearchResult]
    from_cache: bool
    receipt: Receipt
    def __init__(self, query_id: _Optional[str] = ..., results: _Optional[_Iterable[_Union[SearchResult, _Mapping]]] = ..., from_cache: _Optional[bool] = ..., receipt: _Optional[_Union[Receipt, _Mapping]] = ...) -> None: ...

class IntroductionRequest(_message.Message):
    __slots__ = ("intro_id", "query_id", "pseudonym", "message", "job")
    INTRO_ID_FIELD_NUMBER: _ClassVar[int]
    QUERY_ID_FIELD_NUMBER: _ClassVar[int]
    PSEUDONYM_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    JOB_FIELD_NUMBER: _ClassVar[int]
    intro_id: str
    query_id: str
    pseudonym: str
    message: str
    job: JobFacts
    def __init__(self, intro_id: _Optional[str] = ..., query_id: _Optional[str] = ..., pseudonym: _Optional[str] = ..., message: _Optional[str] = ..., job: _Optional[_Union[JobFacts, _Mapping]] = ...) -> None: ...

class IntroductionAnswer(_message.Message):
    __slots__ = ("intro_id", "outcome", "contact", "receipt", "respond_by_ms")
    class Outcome(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        OUTCOME_UNSPECIFIED: _ClassVar[IntroductionAnswer.Outcome]
        ACCEPTED: _ClassVar[IntroductionAnswer.Outcome]
        NOT_ACCEPTED: _ClassVar[IntroductionAnswer.Outcome]
    OUTCOME_UNSPECIFIED: IntroductionAnswer.Outcome
    ACCEPTED: IntroductionAnswer.Outcome
    NOT_ACCEPTED: IntroductionAnswer.Outcome
    INTRO_ID_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    CONTACT_FIELD_NUMBER: _ClassVar[int]
    RECEIPT_FIELD_NUMBER: _ClassVar[int]
    RESPOND_BY_MS_FIELD_NUMBER: _ClassVar[int]
    intro_id: str
    outcome: IntroductionAnswer.Outcome
    contact: bytes
    receipt: Receipt
    respond_by_ms: int
    def __init__(self, intro_id: _Optional[str] = ..., outcome: _Optional[_Union[IntroductionAnswer.Outcome, str]] = ..., contact: _Optional[bytes] = ..., receipt: _Optional[_Union[Receipt, _Mapping]] = ..., respond_by_ms: _Optional[int] = ...) -> None: ...

class ErasureNotice(_message.Message):
    __slots__ = ("notice_id", "pseudonyms", "reason")
    NOTICE_ID_FIELD_NUMBER: _ClassVar[int]
    PSEUDONYMS_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    notice_id: str
    pseudonyms: _containers.RepeatedScalarFieldContainer[str]
    reason: str
    def __init__(self, notice_id: _Optional[str] = ..., pseudonyms: _Optional[_Iterable[str]] = ..., reason: _Optional[str] = ...) -> None: ...

class RoutingSummary(_message.Message):
    __slots__ = ("epoch", "noisy_skill_counts")
    EPOCH_FIELD_NUMBER: _ClassVar[int]
    NOISY_SKILL_COUNTS_FIELD_NUMBER: _ClassVar[int]
    epoch: int
    noisy_skill_counts: bytes
    def __init__(self, epoch: _Optional[int] = ..., noisy_skill_counts: _Optional[bytes] = ...) -> None: ...

class DescriptorUpdate(_message.Message):
    __slots__ = ("descriptor",)
    DESCRIPTOR_FIELD_NUMBER: _ClassVar[int]
    descriptor: bytes
    def __init__(self, descriptor: _Optional[bytes] = ...) -> None: ...

class Notice(_message.Message):
    __slots__ = ("erasure", "introduction_answer", "routing_summary", "descriptor_update")
    ERASURE_FIELD_NUMBER: _ClassVar[int]
    INTRODUCTION_ANSWER_FIELD_NUMBER: _ClassVar[int]
    ROUTING_SUMMARY_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTOR_UPDATE_FIELD_NUMBER: _ClassVar[int]
    erasure: ErasureNotice
    introduction_answer: IntroductionAnswer
    routing_summary: RoutingSummary
    descriptor_update: DescriptorUpdate
    def __init__(self, erasure: _Optional[_Union[ErasureNotice, _Mapping]] = ..., introduction_answer: _Optional[_Union[IntroductionAnswer, _Mapping]] = ..., routing_summary: _Optional[_Union[RoutingSummary, _Mapping]] = ..., descriptor_update: _Optional[_Union[DescriptorUpdate, _Mapping]] = ...) -> None: ...

class NoticeReply(_message.Message):
    __slots__ = ("receipt",)
    RECEIPT_FIELD_NUMBER: _ClassVar[int]
    receipt: Receipt
    def __init__(self, receipt: _Optional[_Union[Receipt, _Mapping]] = ...) -> None: ...

class CrossCheckRequest(_message.Message):
    __slots__ = ("from_ms", "to_ms")
    FROM_MS_FIELD_NUMBER: _ClassVar[int]
    TO_MS_FIELD_NUMBER: _ClassVar[int]
    from_ms: int
    to_ms: int
    def __init__(self, from_ms: _Optional[int] = ..., to_ms: _Optional[int] = ...) -> None: ...

class LogSummary(_message.Message):
    __slots__ = ("direction", "msg_type", "message_id", "envelope_sha256", "status", "seq", "entry_hash", "logged_at_ms")
    DIRECTION_FIELD_NUMBER: _ClassVar[int]
    MSG_TYPE_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_ID_FIELD_NUMBER: _ClassVar[int]
    ENVELOPE_SHA256_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    SEQ_FIELD_NUMBER: _ClassVar[int]
    ENTRY_HASH_FIELD_NUMBER: _ClassVar[int]
    LOGGED_AT_MS_FIELD_NUMBER: _ClassVar[int]
    direction: str
    msg_type: str
    message_id: str
    envelope_sha256: str
    status: str
    seq: int
    entry_hash: str
    logged_at_ms: int
    def __init__(self, direction: _Optional[str] = ..., msg_type: _Optional[str] = ..., message_id: _Optional[str] = ..., envelope_sha256: _Optional[str] = ..., status: _Optional[str] = ..., seq: _Optional[int] = ..., entry_hash: _Optional[str] = ..., logged_at_ms: _Optional[int] = ...) -> None: ...

class CrossCheckReply(_message.Message):
    __slots__ = ("receipts", "checkpoint", "entries", "truncated", "receipt")
    RECEIPTS_FIELD_NUMBER: _ClassVar[int]
    CHECKPOINT_FIELD_NUMBER: _ClassVar[int]
    ENTRIES_FIELD_NUMBER: _ClassVar[int]
    TRUNCATED_FIELD_NUMBER: _ClassVar[int]
    RECEIPT_FIELD_NUMBER: _ClassVar[int]
    receipts: _containers.RepeatedCompositeFieldContainer[Receipt]
    checkpoint: str
    entries: _containers.RepeatedCompositeFieldContainer[LogSummary]
    truncated: bool
    receipt: Receipt
    def __init__(self, receipts: _Optional[_Iterable[_Union[Receipt, _Mapping]]] = ..., checkpoint: _Optional[str] = ..., entries: _Optional[_Iterable[_Union[LogSummary, _Mapping]]] = ..., truncated: _Optional[bool] = ..., receipt: _Optional[_Union[Receipt, _Mapping]] = ...) -> None: ...

class WitnessRequest(_message.Message):
    __slots__ = ("checkpoint", "old_size", "consistency_proof")
    CHECKPOINT_FIELD_NUMBER: _ClassVar[int]
    OLD_SIZE_FIELD_NUMBER: _ClassVar[int]
    CONSISTENCY_PROOF_FIELD_NUMBER: _ClassVar[int]
    checkpoint: str
    old_size: int
    consistency_proof: _containers.RepeatedScalarFieldContainer[bytes]
    def __init__(self, checkpoint: _Optional[str] = ..., old_size: _Optional[int] = ..., consistency_proof: _Optional[_Iterable[bytes]] = ...) -> None: ...

class WitnessReply(_message.Message):
    __slots__ = ("cosignature", "last_size", "receipt")
    COSIGNATURE_FIELD_NUMBER: _ClassVar[int]
    LAST_SIZE_FIELD_NUMBER: _ClassVar[int]
    RECEIPT_FIELD_NUMBER: _ClassVar[int]
    cosignature: str
    last_size: int
    receipt: Receipt
    def __init__(self, cosignature: _Optional[str] = ..., last_size: _Optional[int] = ..., receipt: _Optional[_Union[Receipt, _Mapping]] = ...) -> None: ...
