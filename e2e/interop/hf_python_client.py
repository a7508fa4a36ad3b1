"""Runs one huggingface_hub call for e2e/interop/hf-python.spec.ts.

Usage: python hf_python_client.py OPERATION 'JSON ARGUMENTS'

The endpoint comes from HF_ENDPOINT (read by huggingface_hub at import). Prints one JSON object:
the operation's result, or {"error": ExceptionName, "status": HTTP status or null, "message": …}
for an exception the client raised, so the spec can assert on refusals. Warnings the client emits
(such as those of the README metadata check) are returned in "warnings".
"""

import base64
import json
import sys
import traceback
import warnings

from huggingface_hub import (
    CommitOperationAdd,
    CommitOperationDelete,
    HfApi,
    hf_hub_download,
    snapshot_download,
)


def upload_folder(api, args):
    api.create_repo(args["repo_id"], repo_type=args.get("repo_type"), private=args.get("private", False), exist_ok=True)
    info = api.upload_folder(
        repo_id=args["repo_id"],
        repo_type=args.get("repo_type"),
        folder_path=args["folder"],
        commit_message=args.get("message", "Upload folder"),
    )
    return {"oid": info.oid, "commit_url": info.commit_url}


def create_commit(api, args):
    operations = [
        CommitOperationAdd(path_in_repo=path, path_or_fileobj=base64.b64decode(content))
        for path, content in args.get("adds", {}).items()
    ] + [CommitOperationDelete(path_in_repo=path) for path in args.get("deletes", [])]
    info = api.create_commit(
        repo_id=args["repo_id"],
        repo_type=args.get("repo_type"),
        operations=operations,
        commit_message=args.get("message", "Change files"),
    )
    return {"oid": info.oid}


def download(api, args):
    path = hf_hub_download(
        repo_id=args["repo_id"],
        filename=args["filename"],
        repo_type=args.get("repo_type"),
        revision=args.get("revision"),
        cache_dir=args["cache_dir"],
        token=api.token,
    )
    return {"path": path}


def snapshot(api, args):
    path = snapshot_download(
        repo_id=args["repo_id"],
        repo_type=args.get("repo_type"),
        local_dir=args["local_dir"],
        token=api.token,
    )
    return {"path": path}


def info(api, args):
    kind = args.get("repo_type") or "model"
    fetch = api.model_info if kind == "model" else api.dataset_info
    result = fetch(args["repo_id"], files_metadata=args.get("files_metadata", False))
    return {
        "id": result.id,
        "sha": result.sha,
        "private": result.private,
        "card_data": result.card_data.to_dict() if result.card_data else None,
        "siblings": [
            {
                "path": sibling.rfilename,
                "size": sibling.size,
                "blob_id": sibling.blob_id,
                "lfs": {"sha256": sibling.lfs.sha256, "size": sibling.lfs.size} if sibling.lfs else None,
            }
            for sibling in result.siblings or []
        ],
    }


def space(api, args):
    """create_repo(repo_type="space", space_sdk=…), upload_folder, then space_info."""
    api.create_repo(
        args["repo_id"],
        repo_type="space",
        space_sdk=args["sdk"],
        space_hardware=args.get("hardware"),
        private=args.get("private", False),
    )
    api.upload_folder(repo_id=args["repo_id"], repo_type="space", folder_path=args["folder"])
    result = api.space_info(args["repo_id"])
    return {
        "id": result.id,
        "sha": result.sha,
        "sdk": result.sdk,
        "private": result.private,
        "card_data": result.card_data.to_dict() if result.card_data else None,
        "files": sorted(sibling.rfilename for sibling in result.siblings or []),
    }


def list_models(api, args):
    return {"ids": [model.id for model in api.list_models(search=args["search"], limit=args.get("limit", 50))]}


def list_datasets(api, args):
    return {"ids": [dataset.id for dataset in api.list_datasets(search=args["search"], limit=args.get("limit", 50))]}


def create_repo(api, args):
    url = api.create_repo(args["repo_id"], repo_type=args.get("repo_type"), private=args.get("private", False))
    return {"url": str(url)}


operations = {
    "upload_folder": upload_folder,
    "create_commit": create_commit,
    "hf_hub_download": download,
    "snapshot_download": snapshot,
    "info": info,
    "list_models": list_models,
    "list_datasets": list_datasets,
    "create_repo": create_repo,
    "space": space,
}


def main():
    name, raw = sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "{}"
    args = json.loads(raw)
    # token=False: anonymous, never a token saved on this machine.
    api = HfApi(token=args.get("token") or False)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result = operations[name](api, args)
        except Exception as error:  # the spec asserts on the client's own exception types
            response = getattr(error, "response", None)
            result = {
                "error": type(error).__name__,
                "status": getattr(response, "status_code", None),
                "message": str(error),
                # Where the client failed, for a failing spec's report.
                "trace": traceback.format_exc(limit=-4),
            }
    result["warnings"] = [str(w.message) for w in caught if "metadata" in str(w.message)]
    print(json.dumps(result))


if __name__ == "__main__":
    main()
