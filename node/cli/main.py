"""``talentverbund``: the command line. One module per command group.

Exit codes (BRIEF §5): 0 success; 1 the operation failed (message on
stderr); 2 bad usage or bad input, nothing done; 3 partial success (a bulk
operation skipped some records and reported each).
"""

from __future__ import annotations

import os
import sys

# One BLAS thread: the node's work is many small matrix products, and OpenBLAS's own
# threads stall badly when the two cores are busy (measured: 8 ms -> 1.6 s).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")
# gRPC's C core logs every refused TLS handshake (strangers, certificate fetches) as an
# unstructured INFO line on stderr, between serve's JSON lines; keep its errors only.
os.environ.setdefault("GRPC_VERBOSITY", "ERROR")

import click

from talentverbund.crypto.errors import CryptoError, DescriptorError
from talentverbund.node.cli import (
    audit,
    candidate,
    demo,
    doctor,
    introductions,
    jobs,
    keys,
    node,
    peer,
    roster,
    synth,
    taxonomy,
)
from talentverbund.node.cli.output import warn
from talentverbund.node.errors import EXIT_FAILED, EXIT_USAGE, NodeError
from talentverbund.node.intake.model import IntakeError


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="talentverbund")
def cli() -> None:
    """Talentverbund: a federated talent pool for public employers.

    Exit codes: 0 ok, 1 failed, 2 bad usage or input (nothing done),
    3 partial success (some records skipped, each reported).
    """


for command in (
    *node.COMMANDS,
    candidate.candidate,
    jobs.job,
    jobs.search,
    taxonomy.taxonomy,
    taxonomy.reencode,
    keys.keys,
    synth.synth,
    demo.demo,
    peer.peer,
    roster.roster,
    doctor.doctor,
    *introductions.COMMANDS,
    audit.audit,
):
    cli.add_command(command)


def main(argv: list[str] | None = None) -> int:
    """Entry point: maps every error to one message and its exit code."""
    os.umask(0o077)  # everything a node writes holds or protects personal data
    try:
        cli.main(args=argv, prog_name="talentverbund", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except click.Abort:
        warn("aborted")
        return EXIT_FAILED
    except click.ClickException as exc:
        exc.show()
        return EXIT_USAGE
    except NodeError as exc:
        warn(f"error: {exc.describe()}")
        return exc.exit_code
    except IntakeError as exc:
        warn(f"error: {exc.describe()}")
        return EXIT_USAGE
    except DescriptorError as exc:
        warn(f"error: {exc}")
        return EXIT_USAGE
    except CryptoError as exc:
        warn(f"error: {exc}")
        return EXIT_FAILED
    return 0


if __name__ == "__main__":
    sys.exit(main())
