import Link from "next/link";

export default function Forbidden() {
  return (
    <div className="space-y-2">
      <h1 className="text-2xl font-semibold tracking-tight">Not allowed</h1>
      <p className="text-sm text-slate-600">Your role does not allow this page. An admin can change your role.</p>
      <Link href="/" className="text-sm text-blue-700 hover:underline">
        Back to triage
      </Link>
    </div>
  );
}
