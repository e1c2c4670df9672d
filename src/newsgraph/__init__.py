"""newsgraph: raw news pages in, a sourced knowledge base out."""
__version__ = "0.1.0"
