"""checker: a cross-outlet consistency and source-credibility checker for news.

The library is usable without the CLI:

    from checker.pipeline import check
    result = check(["corpora/"])
    for finding in result.findings:
        print(finding.rule, finding.severity, finding.message)
"""

__version__ = "0.1.0"
