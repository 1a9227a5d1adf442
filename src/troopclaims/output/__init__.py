"""Output: claims and facts rendered as JSON Lines, CSV, Markdown or rich tables (render), the shareable HTML report
with its SVG charts (report, charts), the words that say why a series conflicts or how it moved (why), and files
written atomically (files).

In: Claim and Fact records. Out: text on a stream, or a file that appears whole or not at all.
"""
