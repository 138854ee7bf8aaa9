# syntax=docker/dockerfile:1
# AnkleKG REST API: `docker build -t anklekg . && docker run --rm -p 8000:8000 anklekg`
# Two stages: the builder installs the project (a regular, non-editable `pip install .`) into a
# virtual environment; the runtime image gets only that environment, no build tooling, no sources.
# The ontology travels inside the install: setup.py installs app/ as the package anklekg and data/ inside it as
# anklekg/data (the files pyproject's package-data names), which app/settings.py default_data_dir() finds beside
# the code.

# Pin by digest where the registry is reachable (e.g. python:3.11-slim@sha256:...); the lock file pins the rest.
ARG PYTHON_IMAGE=python:3.11-slim

FROM ${PYTHON_IMAGE} AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    ANKLEKG_CACHE_DIR=/opt/anklekg/cache
RUN python -m venv /opt/anklekg
WORKDIR /src
# Dependencies first, from the lock file, in their own layer: an edit to app/ or data/ does not reinstall them.
COPY requirements.lock ./
RUN /opt/anklekg/bin/pip install --upgrade pip \
 && /opt/anklekg/bin/pip install --require-virtualenv -r requirements.lock
# Then only what the install needs (see .dockerignore): metadata, the package and the data it ships.
COPY pyproject.toml setup.py README.md ./
COPY app/ app/
COPY data/ data/
RUN /opt/anklekg/bin/pip install --no-deps . \
 && /opt/anklekg/bin/pip check \
 && cd / && /opt/anklekg/bin/python -c "from anklekg.settings import Settings; p = Settings().data_dir; assert (p / 'ankle_ontology.ttl').is_file(), p; print('data in', p)"
# Validate the installed data once, here, and store the report by the data's fingerprint: a container start
# on the same data reuses it instead of validating again (app/ontology/validation/stamp.py); invalid data
# fails the build. Then a smoke test from outside the sources: imports, finds the data, answers one question.
RUN cd / && /opt/anklekg/bin/anklekg build \
 && /opt/anklekg/bin/anklekg impact ATFL > /dev/null

FROM ${PYTHON_IMAGE} AS runtime
LABEL org.opencontainers.image.title="AnkleKG" \
      org.opencontainers.image.description="A sourced knowledge graph of the human ankle, served over REST" \
      org.opencontainers.image.licenses="MIT AND CC-BY-4.0"
ENV PATH=/opt/anklekg/bin:$PATH \
    ANKLEKG_CACHE_DIR=/opt/anklekg/cache \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1
RUN groupadd --system --gid 10001 anklekg \
 && useradd --system --uid 10001 --gid anklekg --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin anklekg
COPY --from=build /opt/anklekg /opt/anklekg
WORKDIR /tmp
USER anklekg:anklekg
EXPOSE 8000
# Start-up reads the validated, indexed snapshot `anklekg build` stored above (a fraction of a second); /health is
# 503 "starting" until the SPARQL workers serve. Allow for slow hosts.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["python", "-c", "import sys, urllib.request; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/health', timeout=4).status == 200 else 1)"]
CMD ["anklekg", "serve", "--host", "0.0.0.0", "--port", "8000"]
