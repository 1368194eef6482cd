#include "sqlpreview.h"

#include "project.h"

#include <QCoreApplication>

namespace retort {

SqlPreview SqlPreview::forRevision(const Project &project, int revision, Direction direction)
{
    Q_UNUSED(direction)
    SqlPreview preview;
    if (revision < 0 || revision >= project.graph.size()) {
        preview.reason = QCoreApplication::translate("retort::SqlPreview", "No such revision.");
        return preview;
    }
    // TODO: wire to SqlTranslator::translate + SqlRenderer::renderAll once the
    // translator lands (scratch in-memory database holding the live schema).
    preview.reason =
        QCoreApplication::translate("retort::SqlPreview", "SQL translation is not available yet.");
    return preview;
}

} // namespace retort
