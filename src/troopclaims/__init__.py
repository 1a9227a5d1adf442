"""troopclaims: find claims (figures, dates, places, speakers) in news articles and compare them across sources."""

__version__ = "0.1.0"
