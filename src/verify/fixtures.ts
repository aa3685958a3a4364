/**
 * The objects a verification run creates on the provider, and how they are made and removed.
 * Everything is created through the Graph API itself (so it works against any Graph-compatible provider),
 * named `graphpact-<runId>-...` so a person (or a sweeper) can recognise it, tracked from the moment the
 * provider answers, and deleted in a finally step by `sweep`, whatever happened in between.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { deleteObject, ProviderUnreachableError, type GraphClient, type GraphObjectKind, type Exchange } from '../client/index.js';
import { makePfx, makeSelfSignedCertificate, signProof, type SelfSignedCertificate } from '../credentials/index.js';
import type { ApplicationWithCertificateParams, NoApplicationParams } from '../contracts/states.js';
import { redactText } from '../util/redact.js';

export const NAME_PREFIX = 'graphpact';

/** Short, sortable, unique enough: `20261122t000512-3fa9`. */
export function newRunId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, '').toLowerCase();
  return `${stamp}-${randomBytes(2).toString('hex')}`;
}

export function objectName(runId: string, what: string): string {
  return `${NAME_PREFIX}-${runId}-${what}`;
}

export type CreatedKind = GraphObjectKind;

export interface CreatedObject {
  kind: CreatedKind;
  id: string;
}

/** A setup step the provider refused: names the step and the status, never the body's secrets. */
export class FixtureError extends Error {
  /** The provider was still throttling (429/503/504) after the retry budget: busy, not non-conformant. */
  readonly throttled: boolean;

  /** `problem`: what was wrong with a 2xx answer; without it, the error status and Graph error code are named. */
  constructor(step: string, exchange: Exchange, problem?: string) {
    const body = exchange.response.body as { error?: { code?: string; message?: string } } | undefined;
    const detail = problem ?? (body?.error?.code ? `${body.error.code}: ${body.error.message ?? ''}` : exchange.response.rawBody.slice(0, 200));
    super(redactText(`${step} failed: HTTP ${exchange.response.status} ${detail}`.replace(/\s+/g, ' ').trim()));
    this.throttled = exchange.exhaustedRetries === true;
  }
}

/** Remembers what was created; `sweep` deletes it all (and anything named with the run id the provider lists). */
export class CreatedObjects {
  private readonly objects = new Map<string, CreatedObject>();
  private deletedCount = 0;

  constructor(private readonly onCreate?: (object: CreatedObject) => void) {}

  track(kind: CreatedKind, id: string): void {
    const key = `${kind}:${id}`;
    if (this.objects.has(key)) return;
    this.objects.set(key, { kind, id });
    this.onCreate?.({ kind, id });
  }

  /** Forget an object already deleted (e.g. by a state teardown). */
  forget(kind: CreatedKind, id: string): void {
    if (this.objects.delete(`${kind}:${id}`)) this.deletedCount++;
  }

  list(): CreatedObject[] {
    return [...this.objects.values()];
  }

  get created(): number {
    return this.objects.size + this.deletedCount;
  }

  /**
   * Deletes every tracked object, then (best effort) any application the provider lists under this run's
   * name prefix. Never throws: what could not be deleted is returned as leftovers (`kind id: reason`); once
   * the provider stops answering, the rest are leftovers at once.
   */
  async sweep(client: GraphClient, runId?: string): Promise<{ created: number; deleted: number; leftovers: string[] }> {
    const leftovers: string[] = [];
    if (runId) {
      try {
        const listed = await client.listApplications({ filter: `startswith(displayName,'${objectName(runId, '')}')` });
        for (const app of listed.data?.value ?? []) if (app.id) this.track('application', app.id);
      } catch {
        // Listing is a safety net only; tracked ids are deleted below either way.
      }
    }
    const pending = this.list();
    for (const [i, object] of pending.entries()) {
      try {
        const { gone, result } = await deleteObject(client, object.kind, object.id);
        if (gone) this.forget(object.kind, object.id);
        else leftovers.push(`${object.kind} ${object.id}: HTTP ${result.response.status}`);
      } catch (err) {
        const reason = redactText(err instanceof Error ? err.message : String(err));
        // A provider that stopped answering will not answer the next DELETE either: do not wait once per object.
        if (err instanceof ProviderUnreachableError) {
          leftovers.push(...pending.slice(i).map((o) => `${o.kind} ${o.id}: ${reason}`));
          break;
        }
        leftovers.push(`${object.kind} ${object.id}: ${reason}`);
      }
    }
    return { created: this.created, deleted: this.deletedCount, leftovers };
  }
}

/**
 * Certificates made once per run and reused where Graph allows it (one certificate may be registered on
 * several applications): RSA key generation is the slowest part of setting up a provider state.
 */
export class CertificatePool {
  private readonly made = new Map<string, Promise<SelfSignedCertificate>>();

  get(role: string): Promise<SelfSignedCertificate> {
    let cert = this.made.get(role);
    if (!cert) {
      cert = makeSelfSignedCertificate({ subject: `CN=${NAME_PREFIX}-${role}` });
      this.made.set(role, cert);
    }
    return cert;
  }
}

/** Waits between attempts while a just-created application is not yet visible (Graph's replication delay). */
export const REPLICATION_WAITS_MS = [500, 1000, 2000, 4000];

/** An application registered with one certificate, plus everything the addKey interactions need. */
export interface ApplicationFixture extends ApplicationWithCertificateParams {
  displayName: string;
}

/**
 * `an application with a valid certificate exists`: POST /applications, PATCH keyCredentials with a
 * self-signed certificate made now, a proof signed with its private key (iss = object id), a proof signed
 * by a stranger's key, and a second new certificate for addKey to add.
 */
export async function createApplicationWithCertificate(client: GraphClient, created: CreatedObjects, displayName: string, pool = new CertificatePool()): Promise<ApplicationFixture> {
  const app = await client.createApplication({ displayName });
  if (!app.ok) throw new FixtureError('POST /applications', app);
  if (typeof app.data?.id !== 'string' || !app.data.id) throw new FixtureError('POST /applications', app, 'but the response has no "id" (the application cannot be addressed)');
  const applicationId = app.data.id;
  created.track('application', applicationId);

  const [registered, stranger, newCert] = await Promise.all([pool.get('registered'), pool.get('stranger'), pool.get('new')]);
  const keyCredentials = [{ type: 'AsymmetricX509Cert', usage: 'Verify', key: registered.certDerBase64, displayName: `${displayName}-cert` }];
  let patch = await client.updateApplication(applicationId, { keyCredentials });
  // Microsoft Graph replicates new directory objects: a PATCH right after the POST may see 404 for a few seconds.
  for (const wait of REPLICATION_WAITS_MS) {
    if (patch.response.status !== 404) break;
    await sleep(wait);
    patch = await client.updateApplication(applicationId, { keyCredentials });
  }
  if (!patch.ok) throw new FixtureError(`PATCH /applications/${applicationId} keyCredentials`, patch);

  const newKeyPassword = randomBytes(18).toString('base64url');
  const [proof, invalidProof] = await Promise.all([
    signProof({ privateKey: registered.privateKey, applicationObjectId: applicationId }),
    signProof({ privateKey: stranger.privateKey, applicationObjectId: applicationId }),
  ]);
  return {
    displayName,
    applicationId,
    proof,
    invalidProof,
    newKey: newCert.certDerBase64,
    newKeyThumbprint: newCert.thumbprintBase64,
    newKeyStartDateTime: newCert.notBefore.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    newKeyEndDateTime: newCert.notAfter.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    newKeyPassword,
    newKeyPfx: makePfx(newCert, newKeyPassword),
  };
}

/** `no application exists with the given id`: a fresh GUID and a well-formed proof for it from a throw-away key. */
export async function noApplication(pool = new CertificatePool()): Promise<NoApplicationParams> {
  const applicationId = randomUUID();
  const stranger = await pool.get('stranger');
  return { applicationId, proof: await signProof({ privateKey: stranger.privateKey, applicationObjectId: applicationId }) };
}
