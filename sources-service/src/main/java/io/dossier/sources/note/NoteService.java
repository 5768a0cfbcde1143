package io.dossier.sources.note;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.dossier.audit.AuditAction;
import io.dossier.audit.AuditTrail;
import io.dossier.common.problem.ProblemException;
import io.dossier.sources.journal.ChangeJournal;
import io.dossier.sources.journal.ChangeOperation;
import io.dossier.sources.source.Source;
import io.dossier.sources.source.SourceRepository;
import io.dossier.sources.source.SourceStatus;

/**
 * Notes on passages of sources: written by analysts, changed or removed by their author or an editor. Every change
 * puts the source on the change feed (with its notes), so search finds a document by its notes and lists them on
 * the pages of the entities their passages mention.
 */
@ApplicationScoped
public class NoteService {

    /** Longest note, and longest passage, in characters. */
    static final int MAX_TEXT = 5_000;
    static final int MAX_PASSAGE = 5_000;
    /** Most notes on one source. */
    static final int MAX_PER_SOURCE = 500;

    private final NoteRepository notes;
    private final SourceRepository sources;
    private final ChangeJournal journal;
    private final AuditTrail audit;

    NoteService(NoteRepository notes, SourceRepository sources, ChangeJournal journal, AuditTrail audit) {
        this.audit = audit;
        this.notes = notes;
        this.sources = sources;
        this.journal = journal;
    }

    /** Who acts: their user name, and whether they are an editor (who may change anyone's note). */
    record Actor(String name, boolean editor) {
    }

    @Transactional
    NoteDto.NoteList list(UUID sourceId) {
        return new NoteDto.NoteList(notes.ofSource(sourceId).stream().map(NoteDto::of).toList());
    }

    @Transactional
    NoteDto get(UUID sourceId, UUID noteId) {
        return NoteDto.of(find(sourceId, noteId));
    }

    @Transactional
    NoteDto create(UUID sourceId, NoteRequest request, Actor actor) {
        String body = body(request.text());
        // the passage is found before the feed's lock is taken (a source's text never changes once extracted)
        Source source = withText(sourceId);
        int[] passage = passage(source.text, request);
        journal.lock();
        if (!sources.stillThere(sourceId)) {
            throw ProblemException.notFound("No source " + sourceId);
        }
        if (notes.countOfSource(sourceId) >= MAX_PER_SOURCE) {
            throw new ProblemException(409, "This document has " + MAX_PER_SOURCE + " notes, the most one may have");
        }
        Note note = new Note();
        note.id = UUID.randomUUID();
        note.sourceId = sourceId;
        note.start = passage[0];
        note.end = passage[1];
        note.quote = source.text.substring(passage[0], passage[1]);
        note.body = body;
        note.author = actor.name();
        note.createdAt = now();
        note.updatedAt = note.createdAt;
        notes.persist(note);
        journal.record(source.id, source.collection, ChangeOperation.UPDATED);
        audit.recordAs(actor.name(), AuditAction.CREATE, "note", note.id, source.collection, about(source));
        return NoteDto.of(note);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    /** A note's text as stored: without the spaces around it; none left (spaces of any kind only) is refused. */
    private static String body(String text) {
        String body = text.strip();
        if (body.isEmpty() || body.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c))) {
            throw ProblemException.invalidField("text", "must not be blank");
        }
        return body;
    }

    @Transactional
    NoteDto edit(UUID sourceId, UUID noteId, NoteEdit edit, Long expectedVersion, Actor actor) {
        String body = body(edit.text());
        journal.lock();
        Note note = changeable(sourceId, noteId, expectedVersion, actor);
        if (!body.equals(note.body)) {
            note.body = body;
            note.updatedBy = actor.name();
            note.updatedAt = now();
            notes.flush(); // bumps the version
            Source source = sources.findById(sourceId);
            journal.record(source.id, source.collection, ChangeOperation.UPDATED);
            audit.recordAs(actor.name(), AuditAction.UPDATE, "note", note.id, source.collection, about(source));
        }
        return NoteDto.of(note);
    }

    @Transactional
    void delete(UUID sourceId, UUID noteId, Long expectedVersion, Actor actor) {
        journal.lock();
        Note note = changeable(sourceId, noteId, expectedVersion, actor);
        notes.delete(note);
        Source source = sources.findById(sourceId);
        journal.record(source.id, source.collection, ChangeOperation.UPDATED);
        audit.recordAs(actor.name(), AuditAction.DELETE, "note", note.id, source.collection, about(source));
    }

    /** Which document a note is on, for the audit trail. */
    private static String about(Source source) {
        return "on source " + source.id + ": " + source.title;
    }

    private Note find(UUID sourceId, UUID noteId) {
        Note note = notes.findById(noteId);
        if (note == null || !note.sourceId.equals(sourceId)) {
            throw ProblemException.notFound("No note " + noteId + " on source " + sourceId);
        }
        return note;
    }

    private Note changeable(UUID sourceId, UUID noteId, Long expectedVersion, Actor actor) {
        Note note = find(sourceId, noteId);
        if (!actor.editor() && !note.author.equals(actor.name())) {
            throw new ProblemException(403, "Only the note's author or an editor may change or delete it");
        }
        if (expectedVersion != null && note.version != expectedVersion) {
            throw new ProblemException(412, "This note was changed since (version " + expectedVersion + ", now "
                    + note.version + "); read it again");
        }
        return note;
    }

    private Source withText(UUID sourceId) {
        Source source = sources.findByIdOptional(sourceId)
                .orElseThrow(() -> ProblemException.notFound("No source " + sourceId));
        if (source.status != SourceStatus.EXTRACTED || source.text == null || source.text.isEmpty()) {
            throw new ProblemException(409, source.status == SourceStatus.EXTRACTING
                    ? "This document's text is still being read; add notes once it is there"
                    : "This document has no text to note");
        }
        return source;
    }

    /**
     * The passage [start, end) a request names in {@code text}: its offsets, or where its words are (whatever the
     * spaces and line breaks between them; the occurrence nearest {@code start} when several).
     */
    static int[] passage(String text, NoteRequest request) {
        Integer start = request.start();
        Integer end = request.end();
        String quote = request.quote();
        if (start != null && end != null) {
            if (end <= start || end > text.length()) {
                throw ProblemException.invalidField("end", "must be after start and at most the text's length ("
                        + text.length() + ")");
            }
            if (end - start > MAX_PASSAGE) {
                throw ProblemException.invalidField("end", "a passage is at most " + MAX_PASSAGE + " characters");
            }
            if (quote != null && !words(text.substring(start, end)).equals(words(quote))) {
                throw ProblemException.invalidField("quote", "is not the text at those offsets");
            }
            return new int[]{start, end};
        }
        List<String> words = quote == null
                ? List.of()
                : java.util.Arrays.stream(quote.split("(?U)\\s+")).filter(w -> !w.isEmpty()).toList();
        if (words.isEmpty()) {
            throw ProblemException.badRequest("Name the passage: give start and end, or quote its words");
        }
        Matcher m = java.util.regex.Pattern.compile(String.join("\\s+",
                words.stream().map(java.util.regex.Pattern::quote).toList()),
                java.util.regex.Pattern.UNICODE_CHARACTER_CLASS).matcher(text);
        int[] best = null;
        int near = start == null ? 0 : start;
        while (m.find()) {
            if (best == null || Math.abs(m.start() - near) < Math.abs(best[0] - near)) {
                best = new int[]{m.start(), m.end()};
            }
            if (m.start() >= near) {
                break; // later occurrences are only farther
            }
        }
        if (best == null) {
            throw ProblemException.invalidField("quote", "is not in the document's text (its words, in their order)");
        }
        if (best[1] - best[0] > MAX_PASSAGE) {
            throw ProblemException.invalidField("quote", "a passage is at most " + MAX_PASSAGE + " characters");
        }
        return best;
    }

    private static String words(String s) {
        return s.strip().replaceAll("(?U)\\s+", " ");
    }
}
