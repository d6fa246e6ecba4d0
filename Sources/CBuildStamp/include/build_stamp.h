#ifndef CASEBOOK_BUILD_STAMP_H
#define CASEBOOK_BUILD_STAMP_H

/// The git commit the binary was built from. `.ci/release-archive` passes it to the C compiler
/// (-Xcc -DCASEBOOK_COMMIT=…); a plain `swift build` leaves it out, and this says so.
const char *casebook_build_commit(void);

#endif
