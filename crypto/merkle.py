"""RFC 6962 / RFC 9162 Merkle trees: what makes the exchange log tamper-evident.

Every message a node sends or receives is one log entry; the log's state is the
Merkle Tree Hash (MTH, RFC 6962 section 2.1) over the entries, published in a
signed checkpoint (:mod:`.checkpoint`). An edit, deletion, insertion or
reordering of any entry changes the root, and the proofs here let a
data-protection officer check one entry (inclusion proof) or that a later log
only appended to an earlier one (consistency proof) without trusting the node.

Hashing (RFC 6962 section 2.1, domain-separated so a leaf never passes for a node)::

    leaf_hash(d)    = SHA-256(0x00 || d)
    node_hash(l, r) = SHA-256(0x01 || l || r)
    MTH({})         = SHA-256("")
    MTH(D[n])       = node_hash(MTH(D[0:k]), MTH(D[k:n])), k the largest power of 2 < n

Pick by need:

* :func:`root_of` -- bulk root of a list of leaf hashes, level by level; the
  fastest path (``audit verify`` over a whole log). :func:`hash_leaves` is the
  matching bulk leaf hashing.
* :class:`MerkleTree` -- incremental: append one leaf hash at a time keeping only
  the compact range (the roots of the perfect subtrees the size decomposes
  into): O(log n) memory, O(1) amortized and O(log n) worst-case hashes per
  append, O(log n) for the root. Its state can be stored and restored.
* :class:`ProofTree` -- keeps every perfect subtree hash (about 2n hashes), so
  inclusion and consistency proofs for the current or any earlier tree size
  cost O(log^2 n) hashes each.
* :func:`inclusion_proof`, :func:`consistency_proof` -- one-off proofs, O(n).

Verification (:func:`verify_inclusion`, :func:`verify_consistency`) follows the
algorithms of RFC 9162 sections 2.1.3.2 and 2.1.4.2, checks the proof length
first (so the error says "expected 3 hashes, got 4") and raises
:class:`InclusionProofError` / :class:`ConsistencyProofError`; nothing returns a
bool. Edge cases follow the transparency-dev/merkle reference implementation and
its published test vectors: a consistency proof needs ``old_size >= 1`` (every
tree extends the empty tree, there is nothing to prove), and for equal sizes
the proof must be empty and the two roots equal.
"""

from __future__ import annotations

import hashlib
import hmac
import importlib
from collections.abc import Callable, Iterable, Sequence
from typing import Protocol, cast

from .errors import ConsistencyProofError, InclusionProofError, MerkleError

HASH_SIZE = 32
"""Bytes in every leaf, node and root hash (SHA-256)."""

EMPTY_ROOT = hashlib.sha256(b"").digest()
"""MTH of the empty tree: SHA-256 of the empty string."""

LEAF_PREFIX = b"\x00"
NODE_PREFIX = b"\x01"

MAX_TREE_SIZE = 2**64 - 1

_PRUNED = b""
"""Placeholder in :class:`ProofTree` for a subtree hash deleted with old leaves."""
"""Largest tree size a checkpoint can state (RFC 9162 sizes are uint64)."""


class _Hash(Protocol):
    def digest(self) -> bytes: ...


def _fast_sha256() -> Callable[[bytes], _Hash]:
    """The quickest SHA-256 constructor for 33..65-byte inputs.

    CPython's built-in SHA-256 skips OpenSSL's per-call context set-up, which
    dominates for inputs this small (about 20 % faster for node hashes here).
    It is the same function; a known-answer check guards the choice, and
    ``hashlib.sha256`` is the fallback.
    """
    for module_name in ("_sha2", "_sha256"):  # CPython 3.12+, 3.11
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        constructor = getattr(module, "sha256", None)
        if (
            callable(constructor)
            and constructor(b"abc").digest() == hashlib.sha256(b"abc").digest()
        ):
            return cast(Callable[[bytes], _Hash], constructor)
    return hashlib.sha256


_sha256 = _fast_sha256()


# -- hashing ---------------------------------------------------------------------


def leaf_hash(data: bytes) -> bytes:
    """RFC 6962 leaf hash: SHA-256(0x00 || data)."""
    return _sha256(LEAF_PREFIX + bytes(data)).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    """RFC 6962 interior node hash: SHA-256(0x01 || left || right); both 32 bytes."""
    _check_hash(left, "left child hash", MerkleError)
    _check_hash(right, "right child hash", MerkleError)
    return _sha256(NODE_PREFIX + left + right).digest()


def hash_leaves(entries: Iterable[bytes]) -> list[bytes]:
    """Leaf hashes of many entries at once (the bulk form of :func:`leaf_hash`)."""
    sha256 = _sha256
    prefix = LEAF_PREFIX
    return [sha256(prefix + entry).digest() for entry in entries]


def _node(left: bytes, right: bytes) -> bytes:
    """node_hash without the size checks, for inputs already checked."""
    return _sha256(NODE_PREFIX + left + right).digest()


def _pair_level(level: Sequence[bytes]) -> list[bytes]:
    """Parents of consecutive pairs; an odd last node is dropped (the caller decides)."""
    sha256 = _sha256
    prefix = NODE_PREFIX
    return [
        sha256(prefix + left + right).digest()
        for left, right in zip(level[0::2], level[1::2], strict=False)
    ]


# -- roots -----------------------------------------------------------------------


def root_of(leaf_hashes: Sequence[bytes]) -> bytes:
    """MTH of ``leaf_hashes`` (a list or tuple of 32-byte leaf hashes), computed in bulk.

    Level by level, promoting an unpaired last node unchanged to the next level;
    this builds exactly the left-balanced tree of RFC 6962 (the split at the
    largest power of two below n), in about n hash calls and no recursion.
    """
    level: Sequence[bytes] = (
        leaf_hashes if isinstance(leaf_hashes, list | tuple) else list(leaf_hashes)
    )
    if not level:
        return EMPTY_ROOT
    _check_hashes(level, "leaf hash")
    while len(level) > 1:
        parents = _pair_level(level)
        if len(level) & 1:
            parents.append(level[-1])
        level = parents
    return bytes(level[0])


def root(leaf_hashes: Iterable[bytes]) -> bytes:
    """MTH of any iterable of leaf hashes, including none (``EMPTY_ROOT``).

    A list or tuple goes through :func:`root_of`; any other iterable (a
    generator streaming a large log, say) through :class:`MerkleTree`, holding
    O(log n) hashes in memory.
    """
    if isinstance(leaf_hashes, list | tuple):
        return root_of(leaf_hashes)
    tree = MerkleTree()
    tree.extend(leaf_hashes)
    return tree.root()


class MerkleTree:
    """An append-only tree that keeps only its compact range: O(log n) hashes.

    The state is the list of roots of the perfect subtrees that a tree of the
    current size decomposes into, left to right (one per set bit of the size,
    largest first). Appending a leaf merges equal-sized subtrees like a binary
    counter; the root folds the range from the right. Persist ``size`` and
    ``frontier`` to resume with :meth:`from_frontier`.
    """

    __slots__ = ("_frontier", "_size")

    def __init__(self) -> None:
        self._size = 0
        self._frontier: list[bytes] = []

    @classmethod
    def from_frontier(cls, size: int, frontier: Sequence[bytes]) -> MerkleTree:
        """Resume from a stored ``(size, frontier)``; refuses a frontier of the wrong shape."""
        _check_size(size, "tree size", MerkleError)
        expected = size.bit_count()
        if len(frontier) != expected:
            raise MerkleError(
                f"a tree of size {size} has {expected} frontier hashes, got {len(frontier)}"
            )
        _check_hashes(frontier, "frontier hash")
        tree = cls()
        tree._size = size
        tree._frontier = [bytes(h) for h in frontier]
        return tree

    @property
    def size(self) -> int:
        """Number of leaves appended so far."""
        return self._size

    @property
    def frontier(self) -> tuple[bytes, ...]:
        """Roots of the perfect subtrees covering the leaves, largest (leftmost) first."""
        return tuple(self._frontier)

    def append(self, leaf_hash: bytes) -> int:
        """Add one leaf hash (32 bytes); returns its index."""
        index = self._size
        self.extend((leaf_hash,))
        return index

    def extend(self, leaf_hashes: Iterable[bytes]) -> None:
        """Append leaf hashes in order; on a bad hash, the ones before it stay appended."""
        sha256 = _sha256
        prefix = NODE_PREFIX
        frontier = self._frontier
        size = self._size
        try:
            for leaf in leaf_hashes:
                if type(leaf) is not bytes or len(leaf) != HASH_SIZE:
                    _check_hash(leaf, f"leaf hash {size}", MerkleError)
                    leaf = bytes(leaf)
                if size >= MAX_TREE_SIZE:
                    raise MerkleError(f"tree is full at {MAX_TREE_SIZE} leaves")
                carry = size
                while carry & 1:  # merge equal-sized subtrees, like adding 1 to a binary counter
                    leaf = sha256(prefix + frontier.pop() + leaf).digest()
                    carry >>= 1
                frontier.append(leaf)
                size += 1
        finally:
            self._size = size

    def root(self) -> bytes:
        """MTH of the leaves so far (``EMPTY_ROOT`` for none); O(log n) hashes."""
        if not self._frontier:
            return EMPTY_ROOT
        node = self._frontier[-1]
        for left in reversed(self._frontier[:-1]):
            node = _node(left, node)
        return node

    def copy(self) -> MerkleTree:
        """An independent tree with the same state."""
        return MerkleTree.from_frontier(self._size, self._frontier)

    def __repr__(self) -> str:
        return f"MerkleTree(size={self._size}, root={self.root().hex()})"


class ProofTree:
    """Every perfect subtree hash of a log, for fast proofs against any tree size.

    ``levels[k][i]`` is the MTH of leaves ``[i * 2**k, (i + 1) * 2**k)``; level k
    holds ``size >> k`` hashes, about 2n in all. Built once in O(n), appendable
    in O(1) amortized; the subtrees of a prefix are a prefix of each level, so
    one instance serves proofs for every earlier tree size too.
    """

    __slots__ = ("_levels",)

    def __init__(self, leaf_hashes: Sequence[bytes] = ()) -> None:
        leaves = list(leaf_hashes)
        _check_hashes(leaves, "leaf hash")
        if set(map(type, leaves)) - {bytes}:  # bytearray, memoryview: keep immutable copies
            for position, value in enumerate(leaves):
                _check_hash(value, f"leaf hash {position}", MerkleError)
            leaves = [bytes(h) for h in leaves]
        self._levels: list[list[bytes]] = [leaves]
        while len(self._levels[-1]) > 1:
            self._levels.append(_pair_level(self._levels[-1]))

    @classmethod
    def from_base(
        cls, base_size: int, frontier: Sequence[bytes], leaf_hashes: Sequence[bytes] = ()
    ) -> ProofTree:
        """A tree whose first ``base_size`` leaves were deleted, keeping their compact range.

        ``frontier`` is :attr:`MerkleTree.frontier` at ``base_size``. Every proof
        RFC 6962 defines for a leaf at or after ``base_size``, and every consistency
        proof from an old size at or after it, needs only those subtree roots
        (each left sibling on such a path is one of them), so a log can delete its
        oldest entries and still prove everything after them. Anything needing a
        deleted leaf raises :class:`MerkleError`.
        """
        MerkleTree.from_frontier(base_size, frontier)  # checks the shape
        leaves = list(leaf_hashes)
        _check_hashes(leaves, "leaf hash")
        tree = cls()
        levels: list[list[bytes]] = [[_PRUNED] * base_size]
        position = 0
        known: dict[tuple[int, int], bytes] = {}
        for k in range(base_size.bit_length() - 1, -1, -1):
            if base_size >> k & 1:
                known[(k, position >> k)] = bytes(frontier[len(known)])
                position += 1 << k
        for k in range(1, base_size.bit_length()):
            levels.append([_PRUNED] * (base_size >> k))
        for (k, index), value in known.items():
            levels[k][index] = value
        tree._levels = levels
        for leaf in leaves:
            tree.append(bytes(leaf))
        return tree

    @property
    def size(self) -> int:
        return len(self._levels[0])

    def leaf(self, index: int) -> bytes:
        """The leaf hash at ``index``."""
        _check_index(index, self.size, MerkleError)
        value = self._levels[0][index]
        if value is _PRUNED:
            raise MerkleError(f"leaf {index} was deleted with an earlier part of the log")
        return value

    def append(self, leaf_hash: bytes) -> int:
        """Add one leaf hash; returns its index."""
        _check_hash(leaf_hash, "leaf hash", MerkleError)
        levels = self._levels
        levels[0].append(bytes(leaf_hash))
        k = 0
        while len(levels[k]) % 2 == 0:
            if k + 1 == len(levels):
                levels.append([])
            levels[k + 1].append(_node(levels[k][-2], levels[k][-1]))
            k += 1
        return len(levels[0]) - 1

    def root(self, tree_size: int | None = None) -> bytes:
        """MTH of the first ``tree_size`` leaves (default: all)."""
        size = self._tree_size(tree_size, MerkleError)
        return self._range_root(0, size) if size else EMPTY_ROOT

    def inclusion_proof(self, index: int, tree_size: int | None = None) -> list[bytes]:
        """RFC 6962 PATH(index, D[tree_size]): sibling hashes from the leaf up."""
        size = self._tree_size(tree_size, MerkleError)
        _check_index(index, size, MerkleError)
        path: list[bytes] = []
        start, end = 0, size
        while end - start > 1:
            k = _split(end - start)
            if index < start + k:
                path.append(self._range_root(start + k, end))
                end = start + k
            else:
                path.append(self._range_root(start, start + k))
                start += k
        path.reverse()
        return path

    def consistency_proof(self, old_size: int, new_size: int | None = None) -> list[bytes]:
        """RFC 6962 PROOF(old_size, D[new_size]); empty when the sizes are equal."""
        size = self._tree_size(new_size, MerkleError)
        _check_size(old_size, "old tree size", MerkleError)
        if old_size == 0:
            raise MerkleError(
                "no consistency proof from an empty tree: every tree extends it "
                "(check that the old root is EMPTY_ROOT instead)"
            )
        if old_size > size:
            raise MerkleError(f"old tree size {old_size} exceeds new tree size {size}")
        path: list[bytes] = []
        start, end, m = 0, size, old_size
        whole_old_tree_known = True  # the "b" flag of SUBPROOF in RFC 6962 section 2.1.2
        while m != end - start:
            k = _split(end - start)
            if m <= k:
                path.append(self._range_root(start + k, end))
                end = start + k
            else:
                path.append(self._range_root(start, start + k))
                start += k
                m -= k
                whole_old_tree_known = False
        if not whole_old_tree_known:
            path.append(self._range_root(start, end))
        path.reverse()
        return path

    def _tree_size(self, tree_size: int | None, error: type[MerkleError]) -> int:
        if tree_size is None:
            return self.size
        _check_size(tree_size, "tree size", error)
        if tree_size > self.size:
            raise error(f"tree size {tree_size} exceeds the {self.size} leaves held")
        return tree_size

    def _range_root(self, start: int, end: int) -> bytes:
        """MTH of leaves [start, end); start must be a multiple of a power of two >= end - start.

        Every range RFC 6962's recursion visits has that form, so it splits into
        perfect subtrees (one per set bit of the length, largest first), each of
        them a stored node; the MTH folds them from the right.
        """
        nodes: list[bytes] = []
        position = start
        length = end - start
        for k in range(length.bit_length() - 1, -1, -1):
            if length >> k & 1:
                value = self._levels[k][position >> k]
                if value is _PRUNED:
                    raise MerkleError(
                        f"leaves [{position}, {position + (1 << k)}) were deleted with an "
                        "earlier part of the log: no proof reaches into them"
                    )
                nodes.append(value)
                position += 1 << k
        node = nodes[-1]
        for left in reversed(nodes[:-1]):
            node = _node(left, node)
        return node


def inclusion_proof(leaf_hashes: Sequence[bytes], index: int) -> list[bytes]:
    """Inclusion proof for leaf ``index`` in the tree of all ``leaf_hashes`` (O(n)).

    For many proofs over one log, build a :class:`ProofTree` once instead.
    """
    return ProofTree(leaf_hashes).inclusion_proof(index)


def consistency_proof(leaf_hashes: Sequence[bytes], old_size: int) -> list[bytes]:
    """Proof that the tree of the first ``old_size`` leaves is a prefix of the tree of all."""
    return ProofTree(leaf_hashes).consistency_proof(old_size)


# -- verification (RFC 9162 section 2.1.3.2 and 2.1.4.2) -----------------------------


def inclusion_proof_size(index: int, tree_size: int) -> int:
    """Number of hashes in the inclusion proof of leaf ``index`` in a tree of ``tree_size``."""
    inner = (index ^ (tree_size - 1)).bit_length()  # levels where the path has a sibling below
    return inner + (index >> inner).bit_count()  # plus left siblings on the right border


def consistency_proof_size(old_size: int, new_size: int) -> int:
    """Hashes in the consistency proof from ``old_size`` to ``new_size`` (0 < old < new)."""
    shift = (old_size & -old_size).bit_length() - 1  # trailing zero bits of old_size
    seed = 0 if old_size == 1 << shift else 1  # old root itself is a node: not sent
    return seed + inclusion_proof_size(old_size - 1, new_size) - shift


def verify_inclusion(
    leaf_hash: bytes, index: int, tree_size: int, proof: Sequence[bytes], root: bytes
) -> None:
    """Check that ``leaf_hash`` is leaf ``index`` of the tree of ``tree_size`` with ``root``.

    Raises :class:`InclusionProofError` naming the failed check; returns None.
    """
    error = InclusionProofError
    _check_size(index, "leaf index", error)
    _check_size(tree_size, "tree size", error)
    if index >= tree_size:
        raise error(f"leaf index {index} is outside a tree of size {tree_size}")
    _check_hash(leaf_hash, "leaf hash", error)
    _check_hash(root, "root hash", error)
    expected = inclusion_proof_size(index, tree_size)
    if len(proof) != expected:
        raise error(f"inclusion proof has wrong size: expected {expected} hashes, got {len(proof)}")
    _check_proof_hashes(proof, "inclusion", error)

    fn, sn = index, tree_size - 1
    node = bytes(leaf_hash)
    for sibling in proof:
        if sn == 0:  # unreachable after the size check; kept as in the RFC
            raise error("inclusion proof is longer than the path to the root")
        if fn & 1 or fn == sn:
            node = _node(sibling, node)
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            node = _node(node, sibling)
        fn >>= 1
        sn >>= 1
    if sn != 0:
        raise error("inclusion proof is shorter than the path to the root")
    if not hmac.compare_digest(node, root):
        raise error(
            f"inclusion proof for leaf {index} in a tree of size {tree_size} leads to root "
            f"{node.hex()}, not the expected {bytes(root).hex()}"
        )


def verify_consistency(
    old_size: int, new_size: int, old_root: bytes, new_root: bytes, proof: Sequence[bytes]
) -> None:
    """Check that the tree of ``old_size`` with ``old_root`` is a prefix of the new tree.

    Raises :class:`ConsistencyProofError` naming the failed check; returns None.
    """
    error = ConsistencyProofError
    _check_size(old_size, "old tree size", error)
    _check_size(new_size, "new tree size", error)
    if old_size == 0:
        raise error(
            "consistency proof from an empty tree (old size 0) proves nothing: every tree "
            "extends it; check that the old root is EMPTY_ROOT instead"
        )
    if new_size < old_size:
        raise error(f"new tree size {new_size} is smaller than old tree size {old_size}")
    if old_size == new_size:
        if proof:
            raise error(
                f"consistency proof has wrong size: expected 0 hashes for equal tree sizes, "
                f"got {len(proof)}"
            )
        if not hmac.compare_digest(bytes(old_root), bytes(new_root)):
            raise error(f"two trees of size {old_size} have different roots")
        return
    _check_hash(old_root, "old root hash", error)
    _check_hash(new_root, "new root hash", error)
    expected = consistency_proof_size(old_size, new_size)
    if len(proof) != expected:
        raise error(
            f"consistency proof has wrong size: expected {expected} hashes, got {len(proof)}"
        )
    _check_proof_hashes(proof, "consistency", error)

    path = [bytes(h) for h in proof]
    if old_size & (old_size - 1) == 0:  # a power of two: the old root is a node itself
        path.insert(0, bytes(old_root))
    fn, sn = old_size - 1, new_size - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    old_node = new_node = path[0]
    for hash_ in path[1:]:
        if sn == 0:  # unreachable after the size check; kept as in the RFC
            raise error("consistency proof is longer than the path to the root")
        if fn & 1 or fn == sn:
            old_node = _node(hash_, old_node)
            new_node = _node(hash_, new_node)
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            new_node = _node(new_node, hash_)
        fn >>= 1
        sn >>= 1
    if sn != 0:
        raise error("consistency proof is shorter than the path to the root")
    if not hmac.compare_digest(old_node, old_root):
        raise error(
            f"consistency proof from size {old_size} to {new_size} does not reproduce the old "
            f"root: computed {old_node.hex()}, expected {bytes(old_root).hex()}"
        )
    if not hmac.compare_digest(new_node, new_root):
        raise error(
            f"consistency proof from size {old_size} to {new_size} does not reproduce the new "
            f"root: computed {new_node.hex()}, expected {bytes(new_root).hex()}"
        )


# -- checks ------------------------------------------------------------------------


def _split(n: int) -> int:
    """The largest power of two strictly below ``n`` (n >= 2)."""
    return 1 << ((n - 1).bit_length() - 1)


def _check_size(value: int, what: str, error: type[MerkleError]) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise error(f"{what} must be an int, got {type(value).__name__}")
    if not 0 <= value <= MAX_TREE_SIZE:
        raise error(f"{what} {value} is outside 0..2**64-1")


def _check_index(index: int, size: int, error: type[MerkleError]) -> None:
    _check_size(index, "leaf index", error)
    if index >= size:
        raise error(f"leaf index {index} is outside a tree of size {size}")


def _check_hash(value: bytes, what: str, error: type[MerkleError]) -> None:
    if not isinstance(value, bytes | bytearray | memoryview):
        raise error(f"{what} must be bytes, got {type(value).__name__}")
    if len(value) != HASH_SIZE:
        raise error(f"{what} is {len(value)} bytes, expected {HASH_SIZE}")


def _check_hashes(values: Sequence[bytes], what: str) -> None:
    """Every element 32 bytes long: one pass in C for the common case, details on failure.

    Types are not checked here: a ``str`` of 32 characters fails at hashing with
    TypeError, and other bytes-like objects hash the same as their bytes.
    """
    if set(map(len, values)) - {HASH_SIZE}:
        for position, value in enumerate(values):
            _check_hash(value, f"{what} {position}", MerkleError)


def _check_proof_hashes(proof: Sequence[bytes], kind: str, error: type[MerkleError]) -> None:
    for position, value in enumerate(proof):
        _check_hash(value, f"{kind} proof hash {position}", error)
