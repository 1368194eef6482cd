#include "fingerprint.h"

#include <algorithm>

namespace retort {

QList<FingerprintCandidate> Fingerprint::rank(const ExpectedSchemas &expected,
                                              const SchemaSnapshot &actual, int limit)
{
    QList<FingerprintCandidate> candidates;
    if (!expected.available())
        return candidates;
    candidates.reserve(expected.size() + 1);
    SchemaSnapshot::DifferenceMemo memo;
    auto consider = [&](int revision, const SchemaSnapshot &schema, bool uncertain) {
        FingerprintCandidate c;
        c.revision = revision;
        c.differenceSize = SchemaSnapshot::differenceSize(schema, actual, &memo);
        c.exact = c.differenceSize == 0;
        c.uncertain = uncertain;
        candidates.append(c);
    };
    consider(-1, expected.empty(), false);
    for (int r : expected.upgradeOrder())
        consider(r, expected.at(r).snapshot, expected.at(r).uncertain);
    // Stable: equal sizes keep upgrade order (the base first).
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const FingerprintCandidate &a, const FingerprintCandidate &b) {
                         return a.differenceSize < b.differenceSize;
                     });
    if (limit >= 0 && candidates.size() > limit)
        candidates.resize(limit);
    return candidates;
}

QList<FingerprintCandidate> Fingerprint::exactMatches(const ExpectedSchemas &expected,
                                                      const SchemaSnapshot &actual)
{
    QList<FingerprintCandidate> matches;
    if (!expected.available())
        return matches;
    // Hash first: most revisions are ruled out without looking inside.
    if (actual.isEmpty())
        matches.append({-1, true, 0, false});
    for (int r : expected.upgradeOrder()) {
        const RevisionSchema &schema = expected.at(r);
        if (schema.snapshot.hash() == actual.hash() && schema.snapshot == actual)
            matches.append({r, true, 0, schema.uncertain});
    }
    return matches;
}

} // namespace retort
