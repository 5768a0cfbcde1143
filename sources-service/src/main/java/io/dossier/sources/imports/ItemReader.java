package io.dossier.sources.imports;

import java.io.Closeable;
import java.io.IOException;

/** Reads an import's input item by item, in position order. */
interface ItemReader extends Closeable {

    /** The next item after position {@code after} (items up to it are skipped unread), or null at the end. */
    RawItem next(int after) throws IOException;
}
