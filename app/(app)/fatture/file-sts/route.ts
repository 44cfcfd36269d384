import { requirePractitioner } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { routeError } from "@/lib/http/route-error";
import { downloadResponse } from "@/lib/http/download";
import { buildPortalFile } from "@/lib/services/sts/portal-upload";

// The STS data file of the selected documents (?ids=a,b&format=zip|xml), for the manual upload on the STS portal
// or to look at: downloading it changes no state.
export async function GET(request: Request) {
  try {
    const practitioner = await requirePractitioner();
    const params = new URL(request.url).searchParams;
    const ids = (params.get("ids") ?? "").split(",").filter((id) => /^[a-z0-9]{10,40}$/i.test(id));
    const file = await buildPortalFile({ db: db(), practitionerId: practitioner.id, invoiceIds: ids });
    const xml = params.get("format") === "xml";
    return xml
      ? downloadResponse(file.xml, { contentType: "application/xml; charset=utf-8", fileName: file.xmlFileName })
      : downloadResponse(file.zip, { contentType: "application/zip", fileName: file.fileName });
  } catch (error) {
    return routeError(error, "sts-file");
  }
}
