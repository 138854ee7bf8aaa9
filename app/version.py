"""The release number, in a module of its own so that any part of the package can read it without importing the
package's front door (``anklekg/__init__.py`` offers the facade, which imports nearly everything)."""

__version__ = "0.1.0"
