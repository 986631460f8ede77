/**
 * ELF notes (`{namesz, descsz, type}` + name + desc, each padded to 4 bytes), as found in a core's PT_NOTE segment
 * and copied into a kdump file's sub-header area (`offset_note`).
 */
import { u32, u64 } from "./bytes";
import type { VmcoreCpuState } from "./types";

export const NT_PRSTATUS = 1;
/** VMCOREINFO notes have type 0 and name `VMCOREINFO`. */
const VMCOREINFO_NAME = "VMCOREINFO";

export type ElfNote = { name: string; type: number; desc: Uint8Array };

export function parseElfNotes(bytes: Uint8Array, warnings: string[]): ElfNote[] {
  const notes: ElfNote[] = [];
  let off = 0;
  while (off + 12 <= bytes.length) {
    const namesz = u32(bytes, off);
    const descsz = u32(bytes, off + 4);
    const type = u32(bytes, off + 8);
    if (namesz === 0 && descsz === 0 && type === 0) break; // padding at the end of the segment
    const nameOff = off + 12;
    const descOff = nameOff + ((namesz + 3) & ~3);
    const end = descOff + ((descsz + 3) & ~3);
    if (namesz > 4096 || descOff + descsz > bytes.length) {
      warnings.push(`ELF note at offset ${off} claims ${namesz}+${descsz} bytes, past the end of the notes (${bytes.length} bytes); later notes ignored`);
      break;
    }
    let name = "";
    for (let i = 0; i < namesz && bytes[nameOff + i] !== 0; i++) name += String.fromCharCode(bytes[nameOff + i]);
    notes.push({ name, type, desc: bytes.subarray(descOff, descOff + descsz) });
    off = end;
  }
  return notes;
}

export function findVmcoreinfoNote(notes: ElfNote[]): string | undefined {
  const note = notes.find((n) => n.name === VMCOREINFO_NAME);
  return note ? new TextDecoder("latin1").decode(note.desc) : undefined;
}

/** x86_64 `struct elf_prstatus`: pr_pid at 32, pr_reg (27 × u64, `struct user_regs_struct` order) at 112. */
const PRSTATUS_PID = 32;
const PRSTATUS_REGS = 112;
const X86_64_REGS = [
  "r15", "r14", "r13", "r12", "rbp", "rbx", "r11", "r10", "r9", "r8", "rax", "rcx", "rdx", "rsi", "rdi",
  "orig_rax", "rip", "cs", "eflags", "rsp", "ss", "fs_base", "gs_base", "ds", "es", "fs", "gs",
];

export function parsePrstatus(desc: Uint8Array, index: number): VmcoreCpuState | undefined {
  if (desc.length < PRSTATUS_REGS + X86_64_REGS.length * 8) return undefined;
  const registers: Record<string, string> = {};
  X86_64_REGS.forEach((r, i) => (registers[r] = u64(desc, PRSTATUS_REGS + i * 8).toString(16).padStart(16, "0")));
  return { index, pid: u32(desc, PRSTATUS_PID) | 0, registers };
}
