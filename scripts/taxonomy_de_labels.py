DE_LABELS: dict[str, list[str]] = {}
OCCUPATION_LABELS_DE: dict[str, list[str]] = {}
