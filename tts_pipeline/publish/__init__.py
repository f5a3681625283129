"""What we publish: captions, the read-along player, the podcast feed, the site index (site.py) and the
server that shows an output folder over HTTP."""
