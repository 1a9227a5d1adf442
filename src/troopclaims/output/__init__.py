"""Output: claims and facts rendered as JSON Lines, CSV, Markdown or rich tables (render), the shareable HTML report
with its SVG charts (report, charts), and files written atomically (files).

In: Claim and Fact records. Out: text on a stream, or a file that appears whole or not at all.
"""
