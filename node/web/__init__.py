"""The recruiters' local web interface (``network.web``), served by ``talentverbund serve``."""

from talentverbund.node.web.server import WebServer

__all__ = ["WebServer"]
