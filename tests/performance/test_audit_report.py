"""`make audit` prints Lighthouse's four scores per page (bench/audit.py)."""

from bench.audit import scores, table


def lighthouse_result(performance, accessibility, best_practices, seo):
    categories = {
        "performance": performance,
        "accessibility": accessibility,
        "best-practices": best_practices,
        "seo": seo,
    }
    return {"categories": {name: {"score": score} for name, score in categories.items()}}


def test_scores_are_out_of_100_in_the_order_of_the_columns():
    assert scores(lighthouse_result(0.974, 1, 0.5, 0.63)) == ["97", "100", "50", "63"]


def test_a_category_lighthouse_could_not_score_shows_a_dash():
    assert scores(lighthouse_result(None, 1, 1, 1)) == ["-", "100", "100", "100"]


def test_a_page_lighthouse_failed_on_says_so_in_every_column():
    assert scores(None) == ["failed"] * 4


def test_the_table_aligns_every_column_under_its_header():
    rows = [
        ["en home", "/en/", "100", "100", "100", "100"],
        ["fr search", "/fr/recherche/", "9", "-", "1", "63"],
    ]

    lines = table(rows).splitlines()

    assert lines[0].split() == ["page", "path", "perf", "a11y", "best", "SEO"]
    starts = {
        line.index(cell) for line, cell in zip(lines[2:], ["/en/", "/fr/recherche/"], strict=True)
    }
    assert starts == {lines[0].index("path")}
