"""Region codes: Land (ISO 3166-2, ``DE-SH``) and Kreis (5-digit AGS prefix, ``01002``)."""

from __future__ import annotations

# The first two digits of a Kreis key name its Land.
LAND_OF_PREFIX = {
    "01": "DE-SH", "02": "DE-HH", "03": "DE-NI", "04": "DE-HB", "05": "DE-NW", "06": "DE-HE",
    "07": "DE-RP", "08": "DE-BW", "09": "DE-BY", "10": "DE-SL", "11": "DE-BE", "12": "DE-BB",
    "13": "DE-MV", "14": "DE-SN", "15": "DE-ST", "16": "DE-TH",
}  # fmt: skip


def land_of(code: str) -> str | None:
    """The Land a region code lies in (a Land code is its own Land)."""
    if code.startswith("DE-"):
        return code
    return LAND_OF_PREFIX.get(code[:2])


def region_matches(job_region: str | None, desired: list[str]) -> bool:
    """A candidate fits a job's region if they named it, its Land, or no region at all."""
    if not job_region or not desired or job_region == "DE":
        return True
    job_land = land_of(job_region)
    for code in desired:
        if code in (job_region, job_land):
            return True
        if job_region.startswith("DE-") and land_of(code) == job_region:
            return True
    return False
