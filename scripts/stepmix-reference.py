"""StepMix on the data our latent class model fitted (a dev-only reference for the
segmentation benchmark; scripts/bench-segments runs it in a throwaway virtualenv).

For every <cell>.csv written by benches/segmentation/reference.rs: fit StepMix with the
same number of classes (categorical measurement with missing values, 5 starts), and
print its log-likelihood and BIC beside ours, and the adjusted Rand index between the
two partitions. Usage: python stepmix-reference.py target/bench-segments/reference
"""

import json
import pathlib
import sys

import numpy as np
from sklearn.metrics import adjusted_rand_score
from stepmix.stepmix import StepMix


def main(folder):
    print("\n## StepMix reference (same data, same number of classes)\n")
    print("| cell | classes | our log-likelihood | StepMix log-likelihood | difference "
          "| our BIC | StepMix BIC | difference | parameters (ours / StepMix) "
          "| ARI between partitions |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    worst_ll = worst_bic = 0.0
    lowest_ari = 1.0
    for path in sorted(pathlib.Path(folder).glob("*.csv")):
        ours = json.loads(path.with_suffix(".json").read_text())
        table = np.genfromtxt(path, delimiter=",", skip_header=1)
        codes, our_labels = table[:, :-1], table[:, -1].astype(int)
        model = StepMix(
            n_components=ours["classes"],
            measurement="categorical_nan",
            n_init=5,
            max_iter=1000,
            abs_tol=1e-6,
            random_state=ours["seed"],
            verbose=0,
            progress_bar=0,
        )
        model.fit(codes)
        n = codes.shape[0]
        log_likelihood = model.score(codes) * n
        bic = model.bic(codes)
        ari = adjusted_rand_score(our_labels, model.predict(codes))
        d_ll = 100 * (ours["log_likelihood"] - log_likelihood) / abs(log_likelihood)
        d_bic = 100 * (ours["bic"] - bic) / abs(bic)
        worst_ll, worst_bic = max(worst_ll, abs(d_ll)), max(worst_bic, abs(d_bic))
        lowest_ari = min(lowest_ari, ari)
        print(f"| {ours['cell']} | {ours['classes']} | {ours['log_likelihood']:.1f} "
              f"| {log_likelihood:.1f} | {d_ll:+.3f}% | {ours['bic']:.1f} | {bic:.1f} "
              f"| {d_bic:+.3f}% | {ours['parameters']} / {int(model.n_parameters)} | {ari:.3f} |")
    print(f"\nLargest difference: log-likelihood {worst_ll:.3f}%, BIC {worst_bic:.3f}%; "
          f"lowest ARI between the partitions {lowest_ari:.3f}.")


if __name__ == "__main__":
    main(sys.argv[1])
