#!/usr/bin/python3
"""The command line and the desktop application are two executables.

`retort` must run every command without the GUI libraries (so that it starts
fast and works where they are not installed) and start `retort-gui`, from its
own directory, when a command line asks for the window.

    check_split.py needed     RETORT RETORT_GUI   no Qt Widgets/Gui/KF6 in retort's NEEDED
    check_split.py missing    RETORT PROJECT      retort alone in a folder: `gui` fails
                                                  naming retort-gui, commands still work
    check_split.py screenshot RETORT              `retort gui --screenshot` through retort
"""

import os
import shutil
import subprocess
import sys
import tempfile

GUI_LIBRARIES = ("libQt6Widgets", "libQt6Gui", "libKF6")


def needed(binary):
    """The NEEDED entries of an ELF file's dynamic section (readelf, binutils)."""
    out = subprocess.run(["readelf", "-d", binary], capture_output=True, text=True, check=True).stdout
    names = []
    for line in out.splitlines():
        if "(NEEDED)" in line and "[" in line:
            names.append(line[line.index("[") + 1:line.rindex("]")])
    if not names:
        raise SystemExit("%s: no NEEDED entries (not a dynamic ELF executable?)" % binary)
    return names


def gui_entries(names):
    return [n for n in names if n.startswith(GUI_LIBRARIES)]


def check_needed(retort, retort_gui):
    problems = []
    cli = gui_entries(needed(retort))
    if cli:
        problems.append("%s loads GUI libraries: %s" % (retort, ", ".join(cli)))
    gui = gui_entries(needed(retort_gui))
    if not any(n.startswith("libQt6Widgets") for n in gui):
        problems.append("%s does not link Qt Widgets (NEEDED: %s)" % (retort_gui, ", ".join(gui)))
    return problems


def environment(home, **extra):
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "LANGUAGE", "LANG")}
    env.update(LC_ALL="C.UTF-8", XDG_CACHE_HOME=os.path.join(home, "cache"),
               XDG_DATA_HOME=os.path.join(home, "data"),
               XDG_CONFIG_HOME=os.path.join(home, "config"))
    env.update(extra)
    return env


def run(argv, env, cwd, timeout=60):
    try:
        return subprocess.run(argv, env=env, cwd=cwd, capture_output=True, text=True,
                              timeout=timeout)
    except subprocess.TimeoutExpired as e:
        # A window opened that nobody closes, for instance.
        out = e.stdout.decode(errors="replace") if isinstance(e.stdout, bytes) else e.stdout
        return subprocess.CompletedProcess(argv, -1, out or "",
                                           "(still running after %d s)" % timeout)


def check_missing(retort, project):
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        alone = os.path.join(tmp, "bin", "retort")
        os.makedirs(os.path.dirname(alone))
        shutil.copy2(retort, alone)
        missing = os.path.join(tmp, "bin", "retort-gui")
        shot = os.path.join(tmp, "shot.png")

        # Explicit requests fail with exit 2 and name the missing file.
        for argv, env in (
                (["gui"], environment(tmp, QT_QPA_PLATFORM="offscreen")),
                (["gui", "--screenshot", shot], environment(tmp, QT_QPA_PLATFORM="offscreen")),
                (["gui"], environment(tmp, DISPLAY=":97"))):
            proc = run([alone] + argv, env, tmp)
            what = "retort %s" % " ".join(argv)
            if proc.returncode != 2:
                problems.append("%s without retort-gui: exit %d, expected 2 (stderr: %r)"
                                % (what, proc.returncode, proc.stderr))
            if missing not in proc.stderr:
                problems.append("%s without retort-gui: stderr does not name %s: %r"
                                % (what, missing, proc.stderr))
        if os.path.exists(shot):
            problems.append("a screenshot was written without retort-gui")

        # No command, a display, no retort-gui: the usage text, as a build without the GUI.
        proc = run([alone], environment(tmp, DISPLAY=":97"), tmp)
        if proc.returncode != 2 or not proc.stdout.startswith("usage: retort"):
            problems.append("retort (no command) without retort-gui: exit %d, stdout %r, "
                            "expected the usage text and exit 2" % (proc.returncode, proc.stdout[:200]))

        # Every other command works from the copy.
        expected = run([retort, "heads"], environment(tmp), project)
        proc = run([alone, "heads"], environment(tmp), project)
        if proc.returncode != 0 or proc.stdout != expected.stdout or not proc.stdout.strip():
            problems.append("retort heads from the copy: exit %d, stdout %r (expected %r), stderr %r"
                            % (proc.returncode, proc.stdout, expected.stdout, proc.stderr))
    return problems


def check_screenshot(retort):
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        shot = os.path.join(tmp, "out", "shot.png")
        # --lang es and a revision that does not exist: retort-gui (started by
        # retort with the same arguments) says so in Spanish, from the catalogue
        # it embeds, and still renders the window.
        proc = run([retort, "gui", "--screenshot", shot, "--lang", "es", "--select", "zz_nope"],
                   environment(tmp, QT_QPA_PLATFORM="offscreen"), tmp, timeout=300)
        if proc.returncode != 0:
            problems.append("retort gui --screenshot: exit %d, stderr %r" % (proc.returncode, proc.stderr))
        if not os.path.isfile(shot):
            problems.append("retort gui --screenshot wrote no %s" % shot)
        else:
            with open(shot, "rb") as f:
                if f.read(8) != b"\x89PNG\r\n\x1a\n":
                    problems.append("%s is not a PNG" % shot)
        if "no hay ninguna revisión 'zz_nope'" not in proc.stderr:
            problems.append("retort gui --lang es --select zz_nope: no Spanish message on stderr: %r"
                            % proc.stderr)
    return problems


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    check, args = sys.argv[1], [os.path.abspath(a) for a in sys.argv[2:]]
    problems = {"needed": check_needed, "missing": check_missing,
                "screenshot": check_screenshot}[check](*args)
    for problem in problems:
        print(problem)
    print("%s: %s" % (check, "%d problems" % len(problems) if problems else "ok"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
