#ifndef CASEBOOK_BUILD_STAMP_H
#define CASEBOOK_BUILD_STAMP_H

/// The git commit the binary was built from. `.ci/release-archive` sets CASEBOOK_COMMIT, which
/// Package.swift passes to this target's C compiler; a plain `swift build` leaves it empty.
const char *casebook_build_commit(void);

#endif
