# The casebook command in a small image: build a site with
#   docker run --rm -v "$PWD:/site" casebook build --strict --base-url https://example.org/showcase/
# (the folder mounted at /site holds content/ and templates/; the site is written to /site/public).
#
# Stage 1 builds with the Swift toolchain. 6.2 is the oldest that works: the lowest versions that
# Package.swift allows of hummingbird, swift-log and swift-service-lifecycle declare tools 6.2.
FROM swift:6.2-bookworm AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends libcmark-dev libvips-dev pkg-config \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Dependencies first, keyed on Package.resolved, so a change to the sources reuses this layer.
COPY Package.swift Package.resolved ./
RUN swift package resolve
COPY Sources ./Sources
COPY Tests ./Tests
# The commit `casebook --version` names (read by Package.swift); empty for "a development build".
ARG CASEBOOK_COMMIT=""
RUN swift build -c release --static-swift-stdlib --product casebook \
 && cp "$(swift build -c release --static-swift-stdlib --show-bin-path)/casebook" /usr/local/bin/casebook \
 && strip /usr/local/bin/casebook

# Stage 2 runs it: Debian's cmark (the same 0.30.2 the build linked), libvips 8.14 (pictures),
# libxml2 (SVG checks), libcurl (`check --external-links`, through Foundation's URLSession) and
# libstdc++; the Swift runtime is inside the binary.
FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends libcmark0.30.2 libvips42 libxml2 libcurl4 libstdc++6 ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --create-home --uid 10001 casebook
COPY --from=build /usr/local/bin/casebook /usr/local/bin/casebook
USER casebook
WORKDIR /site
ENTRYPOINT ["casebook"]
CMD ["build", "--strict"]
