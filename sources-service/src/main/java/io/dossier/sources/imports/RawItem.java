package io.dossier.sources.imports;

/**
 * One item read from an import's input: its bytes, or why they could not be read (then {@code content} is null).
 */
record RawItem(int position, String name, byte[] content, String failure) {

    static RawItem failed(int position, String name, String failure) {
        return new RawItem(position, name, null, failure);
    }
}
