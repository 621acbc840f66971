HEADER = (
    "email;name;neighbourhood;languages;strengths;capacity;tags;role;consent_given_on;consent_how"
)


def csv_bytes(*lines: str, header: str = HEADER, bom: bool = False) -> bytes:
    text = "\r\n".join([header, *lines]) + "\r\n"
    return (("\ufeff" if bom else "") + text).encode()


def row(n: int, *, email: str | None = None, neighbourhood: str = "Oosterpark") -> str:
    email = email or f"vrijwilliger{n}@example.org"
    return (
        f"{email};Vrijwilliger {n};{neighbourhood};nl, ar;Koken en luisteren;een beetje tijd;"
        "koken;lid;2025-03-01;op papier"
    )
