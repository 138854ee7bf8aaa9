"""The layout half of the packaging (the rest is pyproject.toml): the code stays in app/, as the design card lays
the repository out, and installs as the package ``anklekg``; data/ installs inside it as ``anklekg/data``.

Here and not in pyproject.toml because the package list is computed: every package under app/ is shipped under its
new name, so a subpackage added later cannot be left out of the wheel (tests/test_wheel.py checks the wheel).
The code imports itself relatively (tests/test_architecture.py), so it runs as ``app`` in a checkout and as
``anklekg`` installed, from one copy of the source.
"""

from setuptools import find_packages, setup

CODE, NAME = "app", "anklekg"

setup(
    package_dir={NAME: CODE, f"{NAME}.data": "data"},
    packages=[
        *(NAME + package.removeprefix(CODE) for package in find_packages(include=[CODE, f"{CODE}.*"])),
        f"{NAME}.data",
    ],
)
