import { unzipSync } from "fflate";
import { expect } from "vitest";
import { getExportDownload, getLatestExport, startExport } from "../../lib/services/export/run-export";
import { testDb } from "./test-db";

/** The export's files; waits (a hang guard, not a speed check) for the background build to finish. */
export async function exportedFiles(practitionerId: string, now?: Date) {
  const db = testDb();
  const { id } = await startExport({ db, practitionerId, now });
  for (let i = 0; i < 600; i++) {
    const latest = await getLatestExport({ db, practitionerId, now });
    if (latest?.status === "ready") break;
    expect(latest?.status).toBe("running");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const download = await getExportDownload({ db, practitionerId, exportId: id, now });
  return { id, fileName: download.fileName, files: unzipSync(download.bytes) };
}
