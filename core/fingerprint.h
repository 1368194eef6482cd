#pragma once

#include "expectedschema.h"
#include "schemasnapshot.h"

#include <QList>

namespace retort {

// A revision whose expected schema is compared with a database's schema.
struct FingerprintCandidate
{
    int revision = -1;      // -1: no revision at all (the empty schema before the first)
    bool exact = false;     // the schemas are equal
    int differenceSize = 0; // SchemaSnapshot::differenceSize(expected, actual)
    bool uncertain = false; // the expected schema is a best effort (see RevisionSchema)
};

// Which revision a database's schema looks like: every revision's expected
// schema is compared with the actual one. Hashes are compared first, and only
// objects whose hashes differ are looked into, so ranking a few hundred
// revisions costs little more than reading them.
class Fingerprint
{
public:
    // Best first: exact matches (several when revisions leave identical
    // schemas), then by size of difference; ties in upgrade order. The empty
    // schema ("base") is a candidate too. `limit` < 0: all.
    static QList<FingerprintCandidate> rank(const ExpectedSchemas &expected,
                                            const SchemaSnapshot &actual, int limit = -1);

    // Only the exact matches, in upgrade order.
    static QList<FingerprintCandidate> exactMatches(const ExpectedSchemas &expected,
                                                    const SchemaSnapshot &actual);
};

} // namespace retort
