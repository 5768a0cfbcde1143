-- Text read by OCR (images, PDF pages without a text layer): the source waits in status EXTRACTING, with its
-- original stored, until a worker has read its pages; only then does it go on the change feed.
alter table source add column pages integer;          -- the document's pages (set when it has pages)
alter table source add column pages_done integer;     -- pages read so far (progress while EXTRACTING)
alter table source add column ocr_pages integer;      -- of those, how many were read by OCR
alter table source add column ocr_language text;      -- what OCR read them as (Tesseract's codes: ara, fas, eng)
create index source_extracting on source (created_at) where status = 'EXTRACTING';
