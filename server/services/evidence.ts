import { createHash } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import type { Database } from '../../db/client';
import { evidenceFiles } from '../../db/schema';
import { can, readableVisibilities, resolveCaseAccess, writableVisibilities } from '../auth/policy';
import type { SessionUser } from '../auth/session-user';
import { evidenceMaxBytes } from '../config';
import type { Visibility } from '../domain/case-status';
import { allowedEvidenceTypes, evidenceFileName } from '../domain/evidence-types';
import { fileStorage } from '../storage';
import { recordEvent } from './case-events';
import { actingUser, type ServiceContext } from './context';
import { notFound, ServiceError } from './errors';

export interface EvidenceUpload {
  file: File;
  /** Attach straight to an existing case; without it the file waits for the petition form. */
  caseId?: string;
  visibility?: Visibility;
}

/** Stores one file after checking its size and its real type. */
export async function uploadEvidence(ctx: ServiceContext, upload: EvidenceUpload) {
  const actor = actingUser(ctx);
  const max = evidenceMaxBytes();
  if (upload.file.size > max) {
    throw new ServiceError('invalid', 'evidence.tooLarge', { field: 'file', values: { mb: Math.floor(max / 1024 / 1024) } });
  }
  if (upload.file.size === 0) throw new ServiceError('invalid', 'evidence.empty_file', { field: 'file' });
  const data = Buffer.from(await upload.file.arrayBuffer());
  const detected = await fileTypeFromBuffer(data);
  const ext = detected ? allowedEvidenceTypes[detected.mime] : undefined;
  if (!detected || !ext) throw new ServiceError('invalid', 'evidence.badType', { field: 'file' });

  let target: { caseId: string; centerId: string } | null = null;
  // A file for a petition not yet submitted is the petitioner's evidence: every party reads it.
  let visibility: Visibility = 'parties';
  if (upload.caseId) {
    const access = await resolveCaseAccess(ctx.db, actor, upload.caseId);
    if (!access) throw notFound();
    if (!can(access, 'upload_evidence')) throw new ServiceError('forbidden', 'errors.forbidden');
    // A file is added at a visibility the uploader may write; caucus files need a party (not yet).
    const writable: Visibility[] = writableVisibilities(access.relation).filter((v) => v !== 'caucus');
    if (!upload.visibility) visibility = writable.includes('parties') ? 'parties' : writable[0]!;
    else if (!writable.includes(upload.visibility)) throw new ServiceError('forbidden', 'timeline.visibilityNotAllowed', { field: 'visibility' });
    else visibility = upload.visibility;
    target = { caseId: access.caseId, centerId: access.centerId };
  } else if (upload.visibility && upload.visibility !== 'parties') {
    throw new ServiceError('forbidden', 'timeline.visibilityNotAllowed', { field: 'visibility' });
  }

  const storageKey = await fileStorage().put(data);
  const fileName = evidenceFileName(upload.file.name, detected.mime);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(evidenceFiles)
      .values({
        uploadedBy: actor.id,
        fileName,
        mimeType: detected.mime,
        sizeBytes: data.length,
        sha256: createHash('sha256').update(data).digest('hex'),
        storageKey,
        visibility,
        caseId: target?.caseId ?? null,
        centerId: target?.centerId ?? null,
        attachedAt: target ? ctx.now() : null,
      })
      .returning({ id: evidenceFiles.id, fileName: evidenceFiles.fileName, mimeType: evidenceFiles.mimeType, sizeBytes: evidenceFiles.sizeBytes });
    if (target) await recordEvent(tx, ctx, target, { kind: 'evidence_added', payload: { fileId: row!.id, fileName }, visibility });
    return row!;
  });
}

/**
 * A file the caller may download: one they uploaded and not yet attached, or one on a case
 * they may see at a visibility they may read. Anything else is NOT_FOUND.
 */
export async function readEvidence(db: Database, user: SessionUser, fileId: string) {
  const [file] = await db.select().from(evidenceFiles).where(eq(evidenceFiles.id, fileId));
  // A file erased under the retention rules is gone for everyone.
  if (!file || file.erasedAt) throw notFound();
  if (!file.caseId) {
    if (file.uploadedBy !== user.id) throw notFound();
  } else {
    const access = await resolveCaseAccess(db, user, file.caseId);
    if (!access || !readableVisibilities(access.relation).includes(file.visibility)) throw notFound();
  }
  const data = await fileStorage().get(file.storageKey);
  return { fileName: file.fileName, mimeType: file.mimeType, data };
}

/** The evidence of a case the caller may see. */
export async function listCaseEvidence(db: Database, caseId: string, visibilities: Visibility[]) {
  return db
    .select({
      id: evidenceFiles.id,
      fileName: evidenceFiles.fileName,
      mimeType: evidenceFiles.mimeType,
      sizeBytes: evidenceFiles.sizeBytes,
      visibility: evidenceFiles.visibility,
      createdAt: evidenceFiles.createdAt,
    })
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.caseId, caseId), inArray(evidenceFiles.visibility, visibilities)))
    .orderBy(asc(evidenceFiles.createdAt));
}
