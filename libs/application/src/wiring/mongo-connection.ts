import { MongoClient, type MongoClientOptions } from 'mongodb';
import { AppConfig } from '../config/app-config';

type MongoConfig = Extract<AppConfig['readStore'], { kind: 'mongodb' }>;

/** Driver options from the configuration: TLS files and a bounded wait for an unreachable server. */
export function mongoClientOptions(config: MongoConfig): MongoClientOptions {
  const { tls } = config;
  return {
    // Start fails within seconds with the server's address rather than hanging on a wrong URL.
    serverSelectionTimeoutMS: 10_000,
    appName: 'poverty-ledger',
    ...(tls.enabled ? { tls: true } : {}),
    ...(tls.caFile ? { tlsCAFile: tls.caFile } : {}),
    ...(tls.certificateKeyFile ? { tlsCertificateKeyFile: tls.certificateKeyFile } : {}),
    ...(tls.allowInvalidHostnames ? { tlsAllowInvalidHostnames: true } : {}),
  };
}

/** A connected client for the configured MongoDB; the caller closes it. */
export async function connectMongo(config: MongoConfig): Promise<MongoClient> {
  const client = new MongoClient(config.url, mongoClientOptions(config));
  try {
    await client.connect();
  } catch (error) {
    await client.close().catch(() => undefined);
    throw new Error(`cannot reach MongoDB (READ_STORE=mongodb) at ${redacted(config.url)}: ${(error as Error).message}`);
  }
  return client;
}

/** The URL without its password, for error messages and logs. */
export function redacted(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
