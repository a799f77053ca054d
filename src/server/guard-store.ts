/**
 * Storage for the classroom's defences (README, Classroom, hardening): spent attempt tickets, the devices of removed
 * players, nickname keys and the secrets every server on one database shares. Same SQL on PGlite and PostgreSQL.
 */
import type { Database } from './db/database';

export class GuardStore {
  constructor(private readonly db: Database) {}

  async nicknameTaken(competitionId: number, nicknameKey: string): Promise<boolean> {
    const rows = await this.db.query<{ id: number }>(
      'SELECT id FROM players WHERE competition_id = $1 AND nickname_key = $2',
      [competitionId, nicknameKey],
    );
    return rows.length > 0;
  }

  /** True when a player removed from this competition joined from this device. */
  async removedDevice(competitionId: number, deviceHash: string): Promise<boolean> {
    const rows = await this.db.query<{ id: number }>(
      'SELECT id FROM players WHERE competition_id = $1 AND device_hash = $2 AND removed LIMIT 1',
      [competitionId, deviceHash],
    );
    return rows.length > 0;
  }

  /** Spends an attempt ticket once; false when it was spent before. */
  async spendTicket(nonce: string, playerId: number, now: Date): Promise<boolean> {
    const rows = await this.db.query<{ nonce: string }>(
      'INSERT INTO used_tickets (nonce, player_id, used_at) VALUES ($1, $2, $3) ON CONFLICT (nonce) DO NOTHING RETURNING nonce',
      [nonce, playerId, now],
    );
    return rows.length > 0;
  }

  async ticketsSpent(playerId: number): Promise<number> {
    const rows = await this.db.query<{ n: number | string }>(
      'SELECT count(*) AS n FROM used_tickets WHERE player_id = $1',
      [playerId],
    );
    return Number(rows[0]?.n ?? 0);
  }

  /** A secret kept in the database (made once, shared by every server on it). */
  async secret(name: string, make: () => string): Promise<string> {
    await this.db.query('INSERT INTO server_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [
      name,
      make(),
    ]);
    const rows = await this.db.query<{ value: string }>('SELECT value FROM server_secrets WHERE name = $1', [name]);
    return rows[0].value;
  }
}
